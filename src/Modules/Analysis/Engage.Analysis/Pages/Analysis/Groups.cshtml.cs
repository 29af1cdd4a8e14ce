using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Analysis.OpinionGroups;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// Opinion groups as the API computes them (Polis-style, from agree, disagree and pass votes): each
/// group's size, what sets it apart, its make-up (small groups suppressed) and its stance on each code;
/// then what every group agrees on and what divides them. Says so when there are too few votes.
/// </summary>
public class GroupsModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    public OpinionGroupsView? Groups { get; private set; }
    public int Votes { get; private set; }
    public int Voters { get; private set; }
    public int MinimumGroupSize { get; private set; }
    public int MinimumVotes { get; } = new OpinionGroupOptions().MinVotesPerParticipant;
    public IReadOnlyDictionary<Guid, string> TextOf { get; private set; } = new Dictionary<Guid, string>();

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        var result = await OpinionGroupsEndpoint.Get(id, null, session, HttpContext.RequestAborted);
        Groups = (result as IValueHttpResult)?.Value as OpinionGroupsView;
        var voters = await session.Query<CorpusVote>().Where(v => v.WorkshopId == id).Select(v => v.ParticipantId).ToListAsync();
        (Votes, Voters) = (voters.Count, voters.Distinct().Count());
        MinimumGroupSize = (await session.SettingsOf(id)).MinimumFor(await session.LoadAsync<CorpusWorkshop>(id));
        if (Groups is not null)
        {
            var ids = Groups.Groups.SelectMany(g => g.Representative.Select(r => r.ContributionId))
                .Concat(Groups.Consensus.Select(s => s.ContributionId)).Concat(Groups.Divisive.Select(s => s.ContributionId)).Distinct().ToArray();
            TextOf = (await session.LoadManyAsync<CorpusItem>(ids)).ToDictionary(i => i.Id, i => i.Text);
        }
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public static string Label(int groupId) => $"Group {(char)('A' + groupId)}";

    public static string Share(double probability) => $"{Math.Round(100 * probability):0}%";
}
