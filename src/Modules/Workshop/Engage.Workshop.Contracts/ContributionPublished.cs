namespace Engage.Workshop.Contracts;

/// <summary>A contribution became visible in a workshop (after moderation, where that applies).</summary>
public sealed record ContributionPublished(Guid ContributionId, Guid WorkshopId, Guid ThemeId, Guid? ParentId,
    string Text, string Pseudonym, DateTimeOffset PublishedAt);
