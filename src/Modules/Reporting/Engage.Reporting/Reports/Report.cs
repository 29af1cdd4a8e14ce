using Engage.Analysis.Contracts;

namespace Engage.Reporting.Reports;

public enum ReportStatus { Draft, Published }

/// <summary>An insight report, drafted from a published analysis.</summary>
public class Report
{
    public Guid Id { get; set; }
    /// <summary>Null for a report on an uploaded corpus, which has no participants to tell.</summary>
    public Guid? WorkshopId { get; set; }
    public Guid AnalysisId { get; set; }
    public string Title { get; set; } = "";
    public ReportStatus Status { get; set; }
    /// <summary>0 while a draft has never been published; each publication takes the next number.</summary>
    public int Version { get; set; }
    /// <summary>The frozen analysis the report is drafted from.</summary>
    public AnalysisPublished Analysis { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
