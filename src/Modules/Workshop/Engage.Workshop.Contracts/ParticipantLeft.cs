namespace Engage.Workshop.Contracts;

/// <summary>
/// A participant deleted their data from a workshop. Analysis forgets their attributes and votes;
/// <see cref="RemovedContributionIds"/> leave the corpus, and their other contributions stay without an author.
/// </summary>
public sealed record ParticipantLeft(Guid ParticipantId, Guid WorkshopId, IReadOnlyList<Guid> RemovedContributionIds, DateTimeOffset At);
