using Engage.Analysis.Contracts;
using Engage.Reporting.Contracts;

namespace Engage.Reporting.Reports;

/// <summary>Draft: changed since the last publication (or never published). Published: the draft is exactly the last version.</summary>
public enum ReportStatus { Draft, Published }

/// <summary>
/// The insight report on one corpus (for a workshop, the workshop's): the working draft staff edit, and
/// the number of its latest published version. Each publication is copied into an immutable
/// <see cref="ReportVersion"/>; the draft moves on.
/// </summary>
public class Report
{
    public Guid Id { get; set; }
    /// <summary>Null for a report on an uploaded corpus, which has no participants to tell.</summary>
    public Guid? WorkshopId { get; set; }
    public Guid CorpusId { get; set; }
    /// <summary>The analysis the draft is drawn from.</summary>
    public Guid AnalysisId { get; set; }
    public string Title { get; set; } = "";
    public ReportStatus Status { get; set; }
    /// <summary>The latest published version; 0 while the report has never been published.</summary>
    public int Version { get; set; }
    /// <summary>The frozen analysis the draft is drawn from.</summary>
    public AnalysisPublished Analysis { get; set; } = null!;
    /// <summary>Staff's Markdown for each narrative section (<see cref="Content.NarrativeSections"/>), sanitised when rendered.</summary>
    public Dictionary<string, string> Narrative { get; set; } = [];
    /// <summary>A newer analysis waiting for the regeneration job to redraw the draft from it.</summary>
    public AnalysisPublished? PendingAnalysis { get; set; }
    /// <summary>What was done about each recommendation, every entry kept; the latest per recommendation counts.</summary>
    public List<ProgressEntry> Progress { get; set; } = [];
    /// <summary>Every recommendation any published version made: what progress can be recorded against.</summary>
    public HashSet<Guid> PublishedRecommendations { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? RegeneratedAt { get; set; }

    /// <summary>The draft as it stands, to render or publish.</summary>
    public Content.ReportEdition Draft() => new(Id, Title, null, null, Analysis, Narrative, LatestProgress());

    public IReadOnlyList<ProgressEntry> LatestProgress() =>
        Progress.GroupBy(p => p.RecommendationId).Select(g => g.OrderBy(p => p.RecordedAt).Last()).ToList();
}

public record ProgressEntry(Guid RecommendationId, RecommendationProgress Progress, string? Note, DateTimeOffset RecordedAt, string? RecordedBy);

/// <summary>
/// One published version of a report, as it was published. Never changed after it is stored, but for one
/// thing: the words and attributes of participants who later deleted their data are taken out (docs/adr/0018),
/// and the version says how many quotes and statements went.
/// </summary>
public class ReportVersion
{
    /// <summary>"{reportId}/{version}", so a version is loaded by its address.</summary>
    public string Id { get; set; } = "";
    public Guid ReportId { get; set; }
    public Guid? WorkshopId { get; set; }
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public AnalysisPublished Analysis { get; set; } = null!;
    public Dictionary<string, string> Narrative { get; set; } = [];
    public DateTimeOffset PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>Quotes, attributions and statements taken out since publication because their authors deleted their data.</summary>
    public int Withdrawn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public static string Key(Guid reportId, int version) => $"{reportId}/{version}";

    /// <summary>The version with today's progress on its recommendations: what was done is news, not a change to the report.</summary>
    public Content.ReportEdition Edition(IReadOnlyList<ProgressEntry> progress) =>
        new(ReportId, Title, Version, PublishedAt, Analysis, Narrative, progress, Withdrawn);
}

public static class ReportText
{
    public static string NarrativeOf(this Report report, string section) => report.Narrative.TryGetValue(section, out var text) ? text : "";
}
