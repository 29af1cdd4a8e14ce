namespace Engage.Workshop.Contracts;

/// <summary>
/// A contribution became visible in a workshop. <see cref="AuthorId"/> is the author's pseudonymous id
/// in this workshop (the id of their <see cref="ParticipantRegistered"/>), or null for the programme team.
/// <see cref="SourceId"/> is the comment's id in the source of an imported conversation (e.g. Polis), so
/// results can be compared with the source's own analysis.
/// </summary>
public sealed record ContributionPublished(Guid ContributionId, Guid WorkshopId, Guid ThemeId, Guid? ParentId,
    string Text, string Pseudonym, DateTimeOffset PublishedAt, Guid? AuthorId = null, string? SourceId = null);
