namespace Engage.Workshop.Contracts;

/// <summary>
/// A workshop closed early by mistake was opened again before any analysis of it was published: it takes
/// contributions and votes again, and Analysis must no longer treat its corpus as complete.
/// </summary>
public sealed record WorkshopReopened(Guid WorkshopId, DateTimeOffset ReopenedAt, DateTimeOffset? ClosesAt);
