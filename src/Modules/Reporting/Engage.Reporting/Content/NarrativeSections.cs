namespace Engage.Reporting.Content;

/// <summary>
/// The parts of the report staff write: fixed sections, and a commentary for each theme
/// ("theme-{themeId}"). Everything else in the report is filled in from the analysis.
/// </summary>
public static class NarrativeSections
{
    public const string Summary = "summary";
    public const string Background = "background";
    public const string Participation = "participation";
    public const string Themes = "themes";
    public const string Recommendations = "recommendations";
    public const string NextSteps = "next-steps";
    public const int MaxLength = 20_000;

    public static readonly IReadOnlyList<(string Key, string Name)> Fixed =
    [
        (Summary, "Executive summary"), (Background, "Background"), (Participation, "Who took part"),
        (Themes, "What we heard: introduction"), (Recommendations, "Recommendations: introduction"), (NextSteps, "Next steps")
    ];

    public static string ForTheme(Guid themeId) => $"theme-{themeId}";

    /// <summary>True for a fixed section, or the commentary of a theme in the analysis.</summary>
    public static bool Exists(string section, Analysis.Contracts.AnalysisPublished analysis) =>
        Fixed.Any(f => f.Key == section)
        || (section.StartsWith("theme-") && Guid.TryParse(section["theme-".Length..], out var id) && (analysis.Themes ?? []).Any(t => t.ThemeId == id));

    public static string NameOf(string section, Analysis.Contracts.AnalysisPublished analysis) =>
        Fixed.FirstOrDefault(f => f.Key == section).Name
        ?? ((analysis.Themes ?? []).FirstOrDefault(t => ForTheme(t.ThemeId) == section)?.Title is { } title ? $"Theme: {title}" : section);

    /// <summary>The opening staff start from: the figures in words, to be rewritten.</summary>
    public static Dictionary<string, string> Starting(Analysis.Contracts.AnalysisPublished analysis)
    {
        var p = analysis.Participation;
        var top = (analysis.Themes ?? []).OrderByDescending(t => t.People).Take(3).Select(t => t.Title.ToLowerInvariant()).ToList();
        var summary = p is null ? "" :
            $"{(p.TookPartShown.Length > 0 ? char.ToUpperInvariant(p.TookPartShown[0]) + p.TookPartShown[1..] : "")} took part: {p.ContributorsShown} wrote {Engage.Platform.Wording.Words.Count(p.Contributions, "contribution")} and {Engage.Platform.Wording.Words.Count(p.Votes, "vote")} were cast." +
            (top.Count > 0 ? $" The themes raised most often were {string.Join(", ", top)}." : "") +
            $" This report makes {(analysis.Recommendations ?? []).Count} recommendations.";
        return new() { [Summary] = summary };
    }
}
