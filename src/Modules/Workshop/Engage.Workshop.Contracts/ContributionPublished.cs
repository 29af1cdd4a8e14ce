namespace Engage.Workshop.Contracts;

/// <summary>
/// A contribution became visible in a workshop. <see cref="AuthorId"/> is the author's pseudonymous id
/// in this workshop (the id of their <see cref="ParticipantRegistered"/>), or null for the programme team.
/// </summary>
public sealed record ContributionPublished(Guid ContributionId, Guid WorkshopId, Guid ThemeId, Guid? ParentId,
    string Text, string Pseudonym, DateTimeOffset PublishedAt, Guid? AuthorId = null);
