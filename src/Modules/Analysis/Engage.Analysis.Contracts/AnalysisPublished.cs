namespace Engage.Analysis.Contracts;

/// <summary>Analysts published the findings of a workshop's analysis: themes with evidence, and recommendations.</summary>
public sealed record AnalysisPublished(Guid AnalysisId, Guid WorkshopId, string Title, IReadOnlyList<FindingTheme> Themes,
    IReadOnlyList<RecommendedAction> Recommendations, DateTimeOffset PublishedAt);

/// <summary>A theme found in what people said, with the contributions that evidence it and the seminar theme it answers.</summary>
public sealed record FindingTheme(Guid ThemeId, string Title, string Description, IReadOnlyList<Guid> EvidenceContributionIds,
    Guid? WorkshopThemeId);

/// <summary>Audience is one of "national-bodies", "employers", "individuals".</summary>
public sealed record RecommendedAction(Guid RecommendationId, string Audience, string Text, IReadOnlyList<Guid> ThemeIds);
