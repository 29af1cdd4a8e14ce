using System.Globalization;
using System.Text;
using Engage.Platform;
using Engage.Platform.Csv;
using Engage.Seminar.Seminars;
using Engage.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Record;

/// <summary>The seminar's record as CSV: every problem statement, and every attendee's dots.</summary>
[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
[Download]
public static class ExportSeminarEndpoint
{
    public static string ProblemsCsv(Seminars.Seminar s)
    {
        var themesOf = s.Problems.ToDictionary(p => p.Id, p => string.Join("; ",
            s.Themes.Where(t => t.ProblemIds.Contains(p.MergedInto ?? p.Id)).Select(t => t.Title)));
        var csv = new StringBuilder("problem_id,text,why_it_matters,who_is_affected,interest_group,submitted_at,merged_into,themes\r\n");
        foreach (var p in s.Problems)
            csv.AppendJoin(',', p.Id, CsvText.Cell(p.Text), CsvText.Cell(p.WhyItMatters), CsvText.Cell(p.WhoIsAffected), CsvText.Cell(p.InterestGroup),
                p.SubmittedAt.ToString("O", CultureInfo.InvariantCulture), p.MergedInto?.ToString() ?? "", CsvText.Cell(themesOf[p.Id])).Append("\r\n");
        return csv.ToString();
    }

    public static string VotesCsv(Seminars.Seminar s)
    {
        var csv = new StringBuilder("theme_id,theme,interest_group,attendee,dots\r\n");
        foreach (var i in s.Invitees)
        foreach (var (themeId, dots) in i.Dots)
            csv.AppendJoin(',', themeId, CsvText.Cell(s.ThemeOf(themeId)?.Title ?? ""), CsvText.Cell(i.InterestGroup), i.Id, dots).Append("\r\n");
        return csv.ToString();
    }

    [WolverineGet("/api/seminars/{id}/problems.csv")]
    public static IResult Problems([ReadAggregate] Seminars.Seminar seminar) =>
        CsvText.File(ProblemsCsv(seminar), "seminar-problems.csv");

    [WolverineGet("/api/seminars/{id}/votes.csv")]
    public static IResult Votes([ReadAggregate] Seminars.Seminar seminar) =>
        CsvText.File(VotesCsv(seminar), "seminar-votes.csv");
}
