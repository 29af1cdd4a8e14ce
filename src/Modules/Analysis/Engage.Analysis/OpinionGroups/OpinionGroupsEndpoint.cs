using Engage.Analysis.Corpora;
using Engage.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.OpinionGroups;

public record GroupParticipant(Guid Id, string? SourceId, double X, double Y);

public record CodeStance(Guid CodeId, string Code, int Agree, int Disagree, int Pass, double? AgreePercent);

/// <summary>A group with who is in it, what sets it apart, its make-up by profile attribute (small groups suppressed) and how it voted on each code's items.</summary>
/// <summary>
/// <see cref="Published"/> is the group as the published analysis carries it (size or "fewer than N",
/// statements with real shares and their direction): pages show figures from it, not from the raw model.
/// </summary>
public record GroupView(int Id, IReadOnlyList<GroupParticipant> Participants, IReadOnlyList<RepresentativeStatement> Representative,
    IReadOnlyList<Contracts.AttributeCounts> Attributes, IReadOnlyList<CodeStance> Codes, Contracts.OpinionGroupFinding Published);

public record OpinionGroupsView(IReadOnlyList<GroupView> Groups, IReadOnlyList<ConsensusStatement> Consensus,
    IReadOnlyList<DivisiveStatement> Divisive, int Excluded, double Silhouette, Contracts.OpinionFindings Published);

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
        var facts = await Findings.CorpusFacts.LoadAsync(session, id, cancellation);
        var found = OpinionGroupFinder.Find(Findings.OpinionFindingsBuilder.VotesOf(facts), new OpinionGroupOptions { Seed = seed ?? 1 }, cancellation);
        // The same publication rule as the published analysis: a group under the minimum (or hidden to
        // protect one) shows neither its profile nor its stances, here as everywhere.
        var opinion = Findings.OpinionFindingsBuilder.From(facts, found);
        var shown = opinion.Findings.Groups.Where(g => g.Published).ToDictionary(g => g.GroupId);
        var stances = facts.Codebook.Active.Select(c => (Code: c, Views: opinion.ViewsOn(facts, facts.ItemsWith(c.Id)))).ToList();
        return Results.Ok(new OpinionGroupsView(
            found.Groups.Select(g => new GroupView(g.Id,
                g.Participants.Select(p => new GroupParticipant(p.Id, facts.Participants.GetValueOrDefault(p.Id)?.SourceId, p.X, p.Y)).ToList(),
                shown.ContainsKey(g.Id) ? g.Representative : [],
                shown.TryGetValue(g.Id, out var finding) ? finding.Attributes : [],
                shown.ContainsKey(g.Id) ? stances.Select(s => s.Views.First(v => v.GroupId == g.Id) is var v
                    ? new CodeStance(s.Code.Id, s.Code.Name, v.Agree, v.Disagree, v.Pass, v.AgreePercent) : null!).ToList() : [],
                opinion.Findings.Groups.First(f => f.GroupId == g.Id))).ToList(),
            found.Consensus, found.Divisive, found.Excluded.Count, found.Silhouette, opinion.Findings));
    }
}
