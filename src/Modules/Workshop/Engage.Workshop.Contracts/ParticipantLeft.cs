namespace Engage.Workshop.Contracts;

/// <summary>
/// A participant deleted their data from a workshop. Analysis forgets their attributes and votes;
/// <see cref="RemovedContributionIds"/> leave the corpus, and their other contributions stay without an author.
/// <see cref="AnonymisedContributionIds"/> are those other contributions, so that a module holding a frozen
/// copy (the Reporting module's quotes) can take the author's attributes off them too.
/// </summary>
public sealed record ParticipantLeft(Guid ParticipantId, Guid WorkshopId, IReadOnlyList<Guid> RemovedContributionIds, DateTimeOffset At,
    IReadOnlyList<Guid>? AnonymisedContributionIds = null);
