namespace Engage.Workshop.Contracts;

/// <summary>
/// A contribution is no longer public: its author withdrew it, or edited it into something a moderator
/// must check first. Analysis takes it out of the corpus; if it is published again, a new
/// <see cref="ContributionPublished"/> with the same id brings it back.
/// </summary>
public sealed record ContributionWithdrawn(Guid ContributionId, Guid WorkshopId, string Why, DateTimeOffset At);
