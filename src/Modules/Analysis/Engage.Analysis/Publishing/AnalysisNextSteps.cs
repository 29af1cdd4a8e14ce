using System.Security.Claims;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Marten;

namespace Engage.Analysis.Publishing;

/// <summary>The analysis stage on the start page: corpora not yet published, and the latest publication of each.</summary>
public sealed class AnalysisNextSteps(IAnalysisStore store) : INextSteps
{
    public async Task<IReadOnlyList<NextStep>> ForAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellation)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Analyst)) return [];
        await using var session = store.QuerySession();
        var corpora = await session.Query<Corpus>().OrderByDescending(c => c.CreatedAt).Take(20).ToListAsync(cancellation);
        var ids = corpora.Select(c => c.Id).ToArray();
        var published = (await session.Query<PublishedAnalysis>().Where(p => p.CorpusId.IsOneOf(ids)).ToListAsync(cancellation))
            .GroupBy(p => p.CorpusId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.RequestedAt)!);
        var closed = (await session.Query<CorpusClosure>().Select(c => c.Id).ToListAsync(cancellation)).ToHashSet();
        return corpora.Select(c => published.TryGetValue(c.Id, out var p)
                ? new NextStep($"\"{p.Title}\" was published on {Words.Date(p.RequestedAt)}: publish again when the coding changes", $"/analysis/{c.Id}/recommendations#publications", 32)
                : c.WorkshopId is { } w && closed.Contains(w)
                    ? new NextStep($"{c.Name}: its workshop has closed, so the corpus is complete: code it, write recommendations and publish", $"/analysis/{c.Id}", 30)
                    : new NextStep($"{c.Name}: not yet published", $"/analysis/{c.Id}", 31))
            .ToList();
    }
}
