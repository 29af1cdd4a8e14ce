using Engage.Analysis.Codebooks;
using Engage.Analysis.Reliability;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using ReliabilityCoding = Engage.Analysis.Reliability.Coding;

namespace Engage.Analysis.Coding;

public record CodeReliabilityView(Guid CodeId, string Code, double? KrippendorffAlpha, double? PercentAgreement, double? CohenKappa,
    int PairableUnits, IReadOnlyList<DisagreementView> Disagreements);

public record DisagreementView(Guid ItemId, IReadOnlyList<JudgementView> Judgements);

public record JudgementView(Guid CoderId, string Coder, bool Applied);

public record CorpusReliabilityView(Guid? SampleId, int Units, IReadOnlyList<JudgementView> Coders, double? KrippendorffAlpha,
    double PercentAgreement, double? CohenKappa, IReadOnlyList<CodeReliabilityView> Codes);

/// <summary>
/// How reliably the codebook was applied: over a double-coding sample (its coders, its items, items
/// marked done count even without codes) or over every item two analysts or more coded. A code counts
/// as applied to an item when the coder applied it to the whole item or any span of it.
/// </summary>
[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class CorpusReliabilityEndpoint
{
    [WolverineGet("/api/analysis/corpora/{id}/reliability")]
    public static async Task<IResult> Get(Guid id, Guid? sampleId, IQuerySession session, IDocumentStore platform)
    {
        try { return Results.Ok(await Assess(id, sampleId, session, platform)); }
        catch (RuleBroken broken) { return ApiDoor.Problem(broken); }
        catch (ReliabilityInputException e) { return ApiDoor.Problem(new RuleBroken(400, e.Message)); }
    }

    /// <exception cref="ReliabilityInputException">Fewer than two coders or no unit two of them coded.</exception>
    public static async Task<CorpusReliabilityView> Assess(Guid corpusId, Guid? sampleId, IQuerySession session, IDocumentStore? platform = null)
    {
        var codebook = await session.CodebookOf(corpusId);
        var codings = await session.CodingsOf(corpusId).ToListAsync();
        List<ReliabilityCoding> judgements;
        if (sampleId is { } sid)
        {
            var sample = await session.LoadAsync<CodingSample>(sid);
            RuleBroken.Unless(sample is not null && sample.CorpusId == corpusId, "The sample was not found.", 404);
            var items = sample!.ItemIds.ToHashSet();
            var coders = sample.CoderIds.ToHashSet();
            var inSample = codings.Where(c => items.Contains(c.ItemId) && coders.Contains(c.CoderId)).ToList();
            judgements = Judgements(inSample);
            var done = await session.Query<SampleItemDone>().Where(d => d.SampleId == sid).ToListAsync();
            var anyCode = inSample.Select(c => c.CodeId.ToString()).Order().FirstOrDefault()
                ?? throw new ReliabilityInputException("No codes have been applied in this sample yet.");
            // Finished with no code applied: a "no" to every code, which the table reads from one explicit "no".
            judgements.AddRange(done.Where(d => !inSample.Any(c => c.CoderId == d.CoderId && c.ItemId == d.ItemId))
                .Select(d => new ReliabilityCoding(d.ItemId.ToString(), d.CoderId.ToString(), anyCode, Present: false)));
        }
        else
        {
            var shared = codings.GroupBy(c => c.ItemId).Where(g => g.Select(c => c.CoderId).Distinct().Count() >= 2).SelectMany(g => g).ToList();
            judgements = Judgements(shared);
        }

        var report = CodingReliability.Assess(judgements);
        // A coder who only finished items with no code applied has no coding to take a name from: ask their account.
        var names = codings.GroupBy(c => c.CoderId).ToDictionary(g => g.Key.ToString(), g => g.First().CoderName);
        var unnamed = report.Coders.Where(c => !names.ContainsKey(c)).Select(Guid.Parse).ToList();
        if (platform is not null)
            foreach (var (coder, name) in await CoderNames.Of(platform, unnamed)) names[coder.ToString()] = name;
        string Name(string coder) => names.GetValueOrDefault(coder, CoderNames.Former);
        return new CorpusReliabilityView(sampleId, report.Units,
            report.Coders.Select(c => new JudgementView(Guid.Parse(c), Name(c), true)).ToList(),
            report.OverallAlpha.Alpha, report.OverallPercentAgreement, report.OverallCohenKappa?.Kappa,
            report.Codes.Select(code => new CodeReliabilityView(Guid.Parse(code.Code), codebook.CodeOf(Guid.Parse(code.Code))?.Name ?? "(unknown)",
                code.Alpha.Alpha, code.PercentAgreement, code.CohenKappa?.Kappa, code.Alpha.PairableUnits,
                code.Disagreements.Select(d => new DisagreementView(Guid.Parse(d.UnitId),
                    d.Judgements.Select(j => new JudgementView(Guid.Parse(j.CoderId), Name(j.CoderId), j.Present)).ToList())).ToList())).ToList());
    }

    private static List<ReliabilityCoding> Judgements(IEnumerable<AppliedCode> codings) =>
        codings.Select(c => (c.ItemId, c.CoderId, c.CodeId)).Distinct()
            .Select(c => new ReliabilityCoding(c.ItemId.ToString(), c.CoderId.ToString(), c.CodeId.ToString())).ToList();
}
