using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Codebooks;

public record CodeView(Guid Id, Guid? ParentId, string Name, string Definition, string Inclusion, string Exclusion, string Example,
    string Colour, bool Retired, int Depth);

public record CodebookView(Guid CorpusId, int Version, DateTimeOffset? ChangedAt, IReadOnlyList<CodeView> Codes);

public record CodebookChange(int Version, string Change, Guid CodeId, string Code, Guid By, DateTimeOffset At);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class ViewCodebookEndpoint
{
    /// <summary>The codebook now, or as it was at <paramref name="version"/> (rebuilt from its events).</summary>
    [WolverineGet("/api/analysis/corpora/{id}/codebook")]
    public static async Task<IResult> Get(Guid id, int? version, IQuerySession session)
    {
        if (await session.LoadAsync<Corpora.Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var codebook = await session.CodebookOf(id);
        if (version is { } asked)
        {
            if (asked < 1 || asked > codebook.Version)
                return ApiDoor.Problem(new RuleBroken(404, $"This codebook has versions 1 to {codebook.Version}."));
            codebook = await session.Events.AggregateStreamAsync<Codebook>(id, version: asked) ?? codebook;
        }
        return Results.Ok(View(id, codebook));
    }

    /// <summary>Who changed what, version by version: the codebook's audit trail.</summary>
    [WolverineGet("/api/analysis/corpora/{id}/codebook/history")]
    public static async Task<IReadOnlyList<CodebookChange>> History(Guid id, IQuerySession session) =>
        (await session.Events.FetchStreamAsync(id)).Select(e => e.Data switch
        {
            CodeAdded a => new CodebookChange((int)e.Version, "added", a.Code.Id, a.Code.Name, a.By, a.At),
            CodeRevised r => new CodebookChange((int)e.Version, "revised", r.Code.Id, r.Code.Name, r.By, r.At),
            CodeRetired r => new CodebookChange((int)e.Version, "retired", r.CodeId, "", r.By, r.At),
            CodeMoved m => new CodebookChange((int)e.Version, $"moved {m.Direction}", m.CodeId, "", m.By, m.At),
            CodesImported i => new CodebookChange((int)e.Version, $"imported {(i.Codes.Count == 1 ? "1 code" : $"{i.Codes.Count} codes")}", Guid.Empty, "", i.By, i.At),
            _ => null
        }).OfType<CodebookChange>().ToList();

    public static async Task<Codebook> CodebookOf(this IQuerySession session, Guid corpusId) =>
        await session.LoadAsync<Codebook>(corpusId) ?? new Codebook { Id = corpusId };

    /// <summary>
    /// Codes in tree order (each parent followed by its subcodes), siblings in the order the analysts gave them
    /// (the order they were added, as moved since), retired codes last; with their depth for indenting.
    /// </summary>
    public static CodebookView View(Guid corpusId, Codebook codebook)
    {
        var ordered = new List<CodeView>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var c in codebook.Codes.Where(c => c.ParentId == parent).OrderBy(c => c.Retired))
            {
                ordered.Add(new CodeView(c.Id, c.ParentId, c.Name, c.Definition, c.Inclusion, c.Exclusion, c.Example, c.Colour, c.Retired, depth));
                if (depth < 20) Walk(c.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return new CodebookView(corpusId, codebook.Version, codebook.ChangedAt, ordered);
    }
}
