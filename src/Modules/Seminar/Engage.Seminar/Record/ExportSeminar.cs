using System.Globalization;
using System.Text;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Record;

/// <summary>The seminar's record as CSV: every problem statement, and every attendee's dots.</summary>
[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
public static class ExportSeminarEndpoint
{
    public static string ProblemsCsv(Seminars.Seminar s)
    {
        var themesOf = s.Problems.ToDictionary(p => p.Id, p => string.Join("; ",
            s.Themes.Where(t => t.ProblemIds.Contains(p.MergedInto ?? p.Id)).Select(t => t.Title)));
        var csv = new StringBuilder("problem_id,text,why_it_matters,who_is_affected,interest_group,submitted_at,merged_into,themes\r\n");
        foreach (var p in s.Problems)
            csv.AppendJoin(',', p.Id, Cell(p.Text), Cell(p.WhyItMatters), Cell(p.WhoIsAffected), Cell(p.InterestGroup),
                p.SubmittedAt.ToString("O", CultureInfo.InvariantCulture), p.MergedInto?.ToString() ?? "", Cell(themesOf[p.Id])).Append("\r\n");
        return csv.ToString();
    }

    public static string VotesCsv(Seminars.Seminar s)
    {
        var csv = new StringBuilder("theme_id,theme,interest_group,attendee,dots\r\n");
        foreach (var i in s.Invitees)
        foreach (var (themeId, dots) in i.Dots)
            csv.AppendJoin(',', themeId, Cell(s.ThemeOf(themeId)?.Title ?? ""), Cell(i.InterestGroup), i.Id, dots).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    [WolverineGet("/api/seminars/{id}/problems.csv")]
    public static IResult Problems([ReadAggregate] Seminars.Seminar seminar) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ProblemsCsv(seminar))).ToArray(), "text/csv", "seminar-problems.csv");

    [WolverineGet("/api/seminars/{id}/votes.csv")]
    public static IResult Votes([ReadAggregate] Seminars.Seminar seminar) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(VotesCsv(seminar))).ToArray(), "text/csv", "seminar-votes.csv");
}
