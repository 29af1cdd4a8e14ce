namespace Engage.Reporting.Contracts;

/// <summary>An insight report version was published; the Workshop tells participants what came of it.</summary>
public sealed record ReportPublished(Guid ReportId, Guid WorkshopId, int Version, string Title,
    IReadOnlyList<string> KeyThemes, IReadOnlyList<PublishedRecommendation> Recommendations, DateTimeOffset PublishedAt);

public sealed record PublishedRecommendation(Guid RecommendationId, string Audience, string Text);
