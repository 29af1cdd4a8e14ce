using Microsoft.Extensions.DependencyInjection;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Analysis.Exchange;
using Engage.Analysis.Findings;
using Engage.Analysis.Publishing;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>A corpus at a glance: how much there is, how far coding has gone, and its files for other tools.</summary>
public class CorpusModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    public int Items { get; private set; }
    public int Contributors { get; private set; }
    public int CodedItems { get; private set; }
    public int Coders { get; private set; }
    public int Votes { get; private set; }
    public Codebook Codebook { get; private set; } = null!;
    public int Memos { get; private set; }
    public int Quotes { get; private set; }
    public int Recommendations { get; private set; }
    public PublishedAnalysis? LastPublication { get; private set; }
    public CorpusWorkshop? Workshop { get; private set; }

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        var authors = await session.ItemsOf(id).Select(i => new { i.Id, i.AuthorId }).ToListAsync();
        Items = authors.Count;
        Contributors = authors.Select(a => a.AuthorId ?? a.Id).Distinct().Count();
        var codings = await session.CodingsOf(id).Select(c => new { c.ItemId, c.CoderId }).ToListAsync();
        CodedItems = codings.Select(c => c.ItemId).Distinct().Count();
        Coders = codings.Select(c => c.CoderId).Distinct().Count();
        Votes = await session.Query<CorpusVote>().CountAsync(v => v.WorkshopId == id);
        Codebook = await session.CodebookOf(id);
        Memos = await session.Query<Memo>().CountAsync(m => m.CorpusId == id);
        Quotes = await session.Query<Quote>().CountAsync(q => q.CorpusId == id);
        Recommendations = await session.Query<Recommendation>().CountAsync(r => r.CorpusId == id);
        LastPublication = await session.Query<PublishedAnalysis>().Where(p => p.CorpusId == id).OrderByDescending(p => p.RequestedAt).FirstOrDefaultAsync();
        Workshop = await session.LoadAsync<CorpusWorkshop>(id);
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public async Task<IActionResult> OnGetProjectAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return await Deliver(await ExportProjectEndpoint.Project(id, session));
    }

    public async Task<IActionResult> OnGetCodebookFileAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return await Deliver(await ExportProjectEndpoint.Codebook(id, session));
    }

    public async Task<IActionResult> OnGetCodingsAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return await Deliver(await FindingsEndpoint.CodingsCsv(id, session, HttpContext.RequestServices.GetRequiredService<Findings.FindingsCache>()));
    }
}
