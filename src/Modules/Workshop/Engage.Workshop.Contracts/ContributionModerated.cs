namespace Engage.Workshop.Contracts;

/// <summary>
/// A moderator removed a contribution that had been published (after a flag): Analysis takes it out
/// of the corpus. Redactions arrive as a new <see cref="ContributionPublished"/> with the same id.
/// </summary>
public sealed record ContributionModerated(Guid ContributionId, Guid WorkshopId, string Decision, string Reason, DateTimeOffset At);
