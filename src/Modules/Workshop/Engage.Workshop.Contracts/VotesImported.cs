namespace Engage.Workshop.Contracts;

/// <summary>
/// A batch of final votes from an imported conversation: the same facts as <see cref="VoteCast"/>,
/// carried thousands at a time so a large import reaches Analysis in seconds.
/// </summary>
public sealed record VotesImported(Guid WorkshopId, IReadOnlyList<VoteCast> Votes);
