using Engage.Platform.Web;
using Engage.Reporting.Content;
using Marten;

namespace Engage.Reporting.Reports;

/// <summary>Finds the edition a request asks for: the draft (no version) or a published version, with today's progress.</summary>
public static class Editions
{
    /// <summary>Null when the report, or that version of it, does not exist.</summary>
    public static async Task<ReportEdition?> LoadAsync(IQuerySession session, Guid reportId, int? version, bool publishedOnly = false)
    {
        if (await session.LoadAsync<Report>(reportId) is not { } report) return null;
        if (version is null) return publishedOnly ? null : report.Draft();
        return await session.LoadAsync<ReportVersion>(ReportVersion.Key(reportId, version.Value)) is { } published
            ? published.Edition(report.LatestProgress()) : null;
    }

    public static async Task<ReportEdition> RequireAsync(IQuerySession session, Guid reportId, int? version, bool publishedOnly = false) =>
        await LoadAsync(session, reportId, version, publishedOnly)
        ?? throw new RuleBroken(404, version is null ? "The report was not found." : $"Version {version} of the report was not found.");

    public static string FileName(ReportEdition edition, string extension)
    {
        var slug = new string(edition.Title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--")) slug = slug.Replace("--", "-");
        if (slug.Length > 60) slug = slug[..60].Trim('-');
        return $"{(slug.Length == 0 ? "report" : slug)}-{(edition.Version is { } v ? $"v{v}" : "draft")}.{extension}";
    }
}
