using System.Globalization;
using System.Text;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Contracts;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Csv;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Findings;

/// <summary><see cref="People"/> is null under the minimum; <see cref="PeopleShown"/> says what to print.</summary>
public record BreakdownRow(Guid Id, string Name, int Items, int? People, string PeopleShown, ThemeBreakdown Breakdown);

public record BreakdownView(string Attribute, int MinimumGroupSize, IReadOnlyList<BreakdownRow> Rows);

public record CoOccurrenceView(IReadOnlyList<CodeView> Codes, IReadOnlyList<IReadOnlyList<int>> Counts);

/// <summary>
/// What the analysis shows so far, computed from the corpus as it is now: themes with prevalence,
/// breakdowns, issues and solutions, sentiment, opinion-group views and quotes (what publishing
/// freezes); breakdowns of codes or themes by one attribute; code co-occurrence; CSV exports.
/// </summary>
[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class FindingsEndpoint
{
    [WolverineGet("/api/analysis/corpora/{id}/findings")]
    public static async Task<IResult> Themes(Guid id, IQuerySession session, FindingsCache cache) =>
        await session.LoadAsync<Corpus>(id) is null ? NotFound()
            : Results.Ok(await cache.GetAsync(id, "themes with opinion groups", facts => ThemeFindings.Build(facts, OpinionFindingsBuilder.Find(facts))));

    /// <param name="of">"themes" (top-level codes, or the workshop's themes before coding) or "codes" (every active code).</param>
    [WolverineGet("/api/analysis/corpora/{id}/breakdowns")]
    public static async Task<IResult> Breakdown(Guid id, string? by, string? of, IQuerySession session, FindingsCache cache)
    {
        if (await Facts(id, session, cache) is not { } facts) return NotFound();
        if (Check(facts, by, of) is { } problem) return ApiDoor.Problem(problem);
        return Results.Ok(Build(facts, by!, of ?? "themes"));
    }

    [WolverineGet("/api/analysis/corpora/{id}/breakdowns.csv"), Download]
    public static async Task<IResult> BreakdownCsv(Guid id, string? by, string? of, IQuerySession session, FindingsCache cache)
    {
        if (await Facts(id, session, cache) is not { } facts) return NotFound();
        if (Check(facts, by, of) is { } problem) return ApiDoor.Problem(problem);
        var view = Build(facts, by!, of ?? "themes");
        var csv = new StringBuilder($"id,name,{CsvText.Cell(facts.LabelOf(by!))},people_raising,group_size,percent,chi_square,df,p_value\r\n");
        foreach (var row in view.Rows)
        foreach (var cell in row.Breakdown.Cells)
            csv.AppendJoin(',', row.Id, CsvText.Cell(row.Name), CsvText.Cell(cell.Value), cell.Count is null ? CsvText.Cell(cell.Shown) : Number(cell.Count),
                cell.GroupSize is null ? CsvText.Cell(cell.GroupSizeShown) : Number(cell.GroupSize), Number(cell.Percent),
                Number(row.Breakdown.ChiSquare), row.Breakdown.DegreesOfFreedom, Number(row.Breakdown.PValue)).Append("\r\n");
        return CsvText.File(csv.ToString(), $"breakdown-by-{Slug(by!)}.csv");
    }

    [WolverineGet("/api/analysis/corpora/{id}/co-occurrence")]
    public static async Task<IResult> CoOccurrence(Guid id, IQuerySession session, FindingsCache cache)
    {
        if (await Facts(id, session, cache) is not { } facts) return NotFound();
        var (codes, counts) = AttributeBreakdowns.CoOccurrence(facts);
        var view = ViewCodebookEndpoint.View(id, facts.Codebook).Codes.ToDictionary(c => c.Id);
        return Results.Ok(new CoOccurrenceView(codes.Select(c => view[c]).ToList(),
            Enumerable.Range(0, codes.Count).Select(a => (IReadOnlyList<int>)Enumerable.Range(0, codes.Count).Select(b => counts[a, b]).ToList()).ToList()));
    }

    /// <summary>Every coding with its coder and codebook version: the coding record for other tools.</summary>
    [WolverineGet("/api/analysis/corpora/{id}/codings.csv"), Download]
    public static async Task<IResult> CodingsCsv(Guid id, IQuerySession session, FindingsCache cache)
    {
        if (await Facts(id, session, cache) is not { } facts) return NotFound();
        var csv = new StringBuilder("coding_id,item_id,source_id,code_id,code,theme,coder_id,coder,codebook_version,start,end,passage,source,coded_at\r\n");
        foreach (var c in facts.Codings.OrderBy(c => c.At))
        {
            var item = facts.ItemOf(c.ItemId);
            var code = facts.Codebook.CodeOf(c.CodeId);
            var passage = item is not null && c.Start is { } s && c.End is { } e && e <= item.Text.Length ? item.Text[s..e] : "";
            csv.AppendJoin(',', c.Id, c.ItemId, CsvText.Cell(item?.SourceId ?? ""), c.CodeId, CsvText.Cell(code?.Name ?? ""),
                CsvText.Cell(code is null ? "" : facts.Codebook.ThemeOf(code).Name), c.CoderId, CsvText.Cell(c.CoderName), c.CodebookVersion,
                c.Start?.ToString(CultureInfo.InvariantCulture) ?? "", c.End?.ToString(CultureInfo.InvariantCulture) ?? "", CsvText.Cell(passage), c.Source,
                c.At.ToString("O", CultureInfo.InvariantCulture)).Append("\r\n");
        }
        return CsvText.File(csv.ToString(), "codings.csv");
    }

    private static BreakdownView Build(CorpusFacts facts, string by, string of)
    {
        var rows = of == "codes"
            ? facts.Codebook.Active.Select(c => (c.Id, c.Name, facts.ItemsWith(c.Id)))
            : ThemeFindings.Build(facts, OpinionAnalysis.None).Select(t => (t.ThemeId, t.Title, facts.ItemsUnder(t.ThemeId)));
        return new BreakdownView(by, facts.MinimumGroupSize, rows.Select(r => new BreakdownRow(r.Item1, r.Item2, r.Item3.Count,
            Figures.PeopleRaising(facts, r.Item3) is var people ? people.Value : null, people.Words(facts.MinimumGroupSize), AttributeBreakdowns.Of(facts, r.Item3, by))).ToList());
    }

    private static RuleBroken? Check(CorpusFacts facts, string? by, string? of)
    {
        if (string.IsNullOrWhiteSpace(by)) return new RuleBroken(400, $"'by' names the attribute to break down by: one of {string.Join(", ", facts.AttributeNames)}.");
        if (!facts.AttributeNames.Contains(by)) return new RuleBroken(400, $"'by' must be one of {string.Join(", ", facts.AttributeNames)}.");
        if (of is not (null or "themes" or "codes")) return new RuleBroken(400, "'of' must be 'themes' or 'codes'.");
        return null;
    }

    /// <summary>The corpus's facts as of its current version, read once per version (<see cref="FindingsCache"/>).</summary>
    private static async Task<CorpusFacts?> Facts(Guid id, IQuerySession session, FindingsCache cache) =>
        await session.LoadAsync<Corpus>(id) is null ? null : await cache.FactsAsync(id);

    private static IResult NotFound() => ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Slug(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
