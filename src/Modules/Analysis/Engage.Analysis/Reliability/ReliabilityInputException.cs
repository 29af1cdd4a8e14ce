namespace Engage.Analysis.Reliability;

/// <summary>
/// The data cannot give a reliability figure (too few coders, nothing two coders both judged, malformed rows).
/// The message says why in words an analyst can act on, so an endpoint can return it as a 400 as it stands.
/// </summary>
public sealed class ReliabilityInputException(string message) : Exception(message);
