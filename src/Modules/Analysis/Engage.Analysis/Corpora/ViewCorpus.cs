using Engage.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

public record CorpusItemView(Guid Id, Guid ThemeId, Guid? ParentId, string Text, string Pseudonym, DateTimeOffset PublishedAt,
    int Agree, int Disagree, int Pass, IReadOnlyDictionary<string, string> AuthorAttributes, string? SourceId);

public record CorpusView(Guid Id, bool Closed, int Participants, IReadOnlyList<CorpusItemView> Items);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class ViewCorpusEndpoint
{
    /// <summary>A corpus's items: the query every part of Analysis starts from.</summary>
    public static IQueryable<CorpusItem> ItemsOf(this IQuerySession session, Guid workshopId) =>
        session.Query<CorpusItem>().Where(x => x.WorkshopId == workshopId);

    [WolverineGet("/api/analysis/workshops/{workshopId}/items")]
    public static async Task<IReadOnlyList<CorpusItemView>> Get(Guid workshopId, IQuerySession session) =>
        (await Corpus(workshopId, session)).Items;

    [WolverineGet("/api/analysis/workshops/{workshopId}")]
    public static Task<CorpusView> Corpus(Guid workshopId, IQuerySession session) => Build(workshopId, session);

    // Counts are computed on read from one row per participant and item, so concurrent votes never
    // contend on a shared counter. Analysis issue: move to a projection when corpora grow large.
    private static async Task<CorpusView> Build(Guid workshopId, IQuerySession session)
    {
        var items = await session.ItemsOf(workshopId).OrderBy(x => x.PublishedAt).Take(100_000).ToListAsync();
        var votes = (await session.Query<CorpusVote>().Where(v => v.WorkshopId == workshopId).ToListAsync())
            .GroupBy(v => v.ContributionId).ToDictionary(g => g.Key, g => g.GroupBy(v => v.Value).ToDictionary(x => x.Key, x => x.Count()));
        var people = (await session.Query<CorpusParticipant>().Where(p => p.WorkshopId == workshopId).ToListAsync()).ToDictionary(p => p.Id);
        var closed = await session.LoadAsync<CorpusClosure>(workshopId) is not null;
        return new CorpusView(workshopId, closed, people.Count, items.Select(i =>
        {
            var counts = votes.GetValueOrDefault(i.Id) ?? [];
            return new CorpusItemView(i.Id, i.ThemeId, i.ParentId, i.Text, i.Pseudonym, i.PublishedAt,
                counts.GetValueOrDefault("agree"), counts.GetValueOrDefault("disagree"), counts.GetValueOrDefault("pass"),
                i.AuthorId is { } author && people.TryGetValue(author, out var p) ? p.Attributes : i.Attributes, i.SourceId);
        }).ToList());
    }
}
