namespace Engage.Reporting.Contracts;

/// <summary>
/// An insight report version was published; the Workshop tells participants what came of it. The
/// fields after <see cref="PublishedAt"/> were added for the "what we heard" page: optional, so
/// envelopes stored before them still read.
/// </summary>
public sealed record ReportPublished(Guid ReportId, Guid WorkshopId, int Version, string Title,
    IReadOnlyList<string> KeyThemes, IReadOnlyList<PublishedRecommendation> Recommendations, DateTimeOffset PublishedAt,
    string? Summary = null, IReadOnlyList<PublishedTheme>? Themes = null, string? ReportPath = null);

/// <summary>
/// A theme as participants are told it: what it is, how many raised it, and a quote or two. People and
/// Prevalence are null under the minimum group size; <see cref="PeopleShown"/> and
/// <see cref="PrevalenceShown"/> are the analysis's own words for them ("12 people", "fewer than 10 people").
/// </summary>
public sealed record PublishedTheme(Guid ThemeId, string Title, string Description, int? People, double? Prevalence, IReadOnlyList<string> Quotes,
    string PeopleShown = "", string PrevalenceShown = "");

/// <summary>A recommendation with the themes (what people said) it rests on.</summary>
public sealed record PublishedRecommendation(Guid RecommendationId, string Audience, string Text,
    string? Title = null, IReadOnlyList<string>? ThemeTitles = null);
