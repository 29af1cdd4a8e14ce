using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Exchange;

/// <summary>
/// A corpus's analysis for other QDA tools: the codebook as a REFI-QDA codebook (.qdc), and the whole
/// project (.qdpx: every item as a text source with its attributes, the codebook, every coding with its
/// coder, and the memos) that NVivo, ATLAS.ti, MAXQDA and QualCoder open.
/// </summary>
[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
[Download]
public static class ExportProjectEndpoint
{
    [WolverineGet("/api/analysis/corpora/{id}/codebook.qdc")]
    public static async Task<IResult> Codebook(Guid id, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var codebook = await session.CodebookOf(id);
        if (!codebook.Active.Any()) return ApiDoor.Problem(new RuleBroken(409, "The codebook has no codes yet: a REFI-QDA codebook needs at least one."));
        var output = new MemoryStream();
        QdcFormat.Write(Codes(codebook, activeOnly: true), output);
        return Results.File(output.ToArray(), "application/xml", "codebook.qdc");
    }

    [WolverineGet("/api/analysis/corpora/{id}/export.qdpx")]
    public static async Task<IResult> Project(Guid id, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var facts = await CorpusFacts.LoadAsync(session, id);
        if (!facts.Codebook.Codes.Any()) return ApiDoor.Problem(new RuleBroken(409, "The codebook has no codes yet: a REFI-QDA project needs at least one."));
        var memos = await session.Query<Memo>().Where(m => m.CorpusId == id).ToListAsync();
        var output = new MemoryStream();
        QdpxFormat.Write(ProjectOf(facts, memos), output);
        return Results.File(output.ToArray(), "application/zip", $"{Slug(facts.Corpus.Name)}.qdpx");
    }

    public static QdaProject ProjectOf(CorpusFacts facts, IReadOnlyList<Memo> memos)
    {
        var users = facts.Codings.Select(c => new QdaUser(c.CoderId, c.CoderName))
            .Concat(memos.Select(m => new QdaUser(m.AuthorId, m.AuthorName))).DistinctBy(u => u.Id).ToList();
        var questions = facts.Workshop?.Opened.Themes.ToDictionary(t => t.ThemeId, t => t.Title) ?? [];
        var sources = facts.Items.Select(i =>
        {
            var attributes = new Dictionary<string, string>(facts.AttributesOf(i));
            if (questions.TryGetValue(i.ThemeId, out var theme)) attributes["workshop theme"] = theme;
            return new QdaSource(i.Id, i.SourceId ?? $"{(i.Pseudonym.Length > 0 ? i.Pseudonym : "Item")} {i.Id.ToString()[..8]}", i.Text, attributes,
                facts.Codings.Where(c => c.ItemId == i.Id).Select(c => new QdaCoding(c.Id, c.CodeId, c.CoderId, c.At, c.Start, c.End)).ToList());
        }).ToList();
        var notes = memos.Select(m => new QdaNote(m.Id, m.Text.Length > 60 ? m.Text[..60] : m.Text, m.Text, m.AuthorId, m.RevisedAt ?? m.WrittenAt, m.ItemId, m.CodeId)).ToList();
        return new QdaProject(facts.Corpus.Name, facts.Corpus.CreatedAt, users, Codes(facts.Codebook, activeOnly: false), sources, notes);
    }

    /// <summary>The code tree; retired codes go to a project only as uncodable, as their codings still refer to them.</summary>
    public static IReadOnlyList<QdaCode> Codes(Codebook codebook, bool activeOnly)
    {
        IReadOnlyList<QdaCode> Under(Guid? parent) => codebook.Codes.Where(c => c.ParentId == parent && (!activeOnly || !c.Retired))
            .Select(c => new QdaCode(c.Id, c.Name, !c.Retired, c.Colour, CodeDescription.Compose(c.Definition, c.Inclusion, c.Exclusion, c.Example), Under(c.Id)))
            .ToList();
        return Under(null);
    }

    private static string Slug(string text)
    {
        var slug = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "engage-analysis" : slug[..Math.Min(60, slug.Length)];
    }
}
