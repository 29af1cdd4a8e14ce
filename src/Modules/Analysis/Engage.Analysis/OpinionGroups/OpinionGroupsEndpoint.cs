using Engage.Analysis.Corpora;
using Engage.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.OpinionGroups;

public record GroupParticipant(Guid Id, string? SourceId, double X, double Y);

public record GroupView(int Id, IReadOnlyList<GroupParticipant> Participants, IReadOnlyList<RepresentativeStatement> Representative);

public record OpinionGroupsView(IReadOnlyList<GroupView> Groups, IReadOnlyList<ConsensusStatement> Consensus,
    IReadOnlyList<DivisiveStatement> Divisive, int Excluded, double Silhouette);

/// <summary>
/// Opinion groups from the corpus's votes, computed on request (2,000 people by 900 contributions take
/// about a second): groups with their members and the statements that set them apart, what every
/// group agrees on, and what divides them. Participants carry their source id when imported.
/// </summary>
[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class OpinionGroupsEndpoint
{
    [WolverineGet("/api/analysis/corpora/{id}/opinion-groups")]
    public static async Task<IResult> Get(Guid id, int? seed, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return Results.Problem(statusCode: 404, title: "Not found", detail: "The corpus was not found.");
        var items = (await session.ItemsOf(id).Select(i => i.Id).ToListAsync(cancellation)).ToHashSet();
        var votes = (await session.Query<CorpusVote>().Where(v => v.WorkshopId == id).ToListAsync(cancellation))
            .Where(v => items.Contains(v.ContributionId))
            .Select(v => new ParticipantVote(v.ParticipantId, v.ContributionId, v.Value switch { "agree" => 1, "disagree" => -1, _ => 0 })).ToList();
        var sources = (await session.Query<CorpusParticipant>().Where(p => p.WorkshopId == id).ToListAsync(cancellation)).ToDictionary(p => p.Id, p => p.SourceId);

        var found = OpinionGroupFinder.Find(votes, new OpinionGroupOptions { Seed = seed ?? 1 }, cancellation);
        return Results.Ok(new OpinionGroupsView(
            found.Groups.Select(g => new GroupView(g.Id, g.Participants.Select(p => new GroupParticipant(p.Id, sources.GetValueOrDefault(p.Id), p.X, p.Y)).ToList(),
                g.Representative)).ToList(),
            found.Consensus, found.Divisive, found.Excluded.Count, found.Silhouette));
    }
}
