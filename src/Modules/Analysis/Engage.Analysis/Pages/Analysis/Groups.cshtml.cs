using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Analysis.OpinionGroups;
using Engage.Analysis.Pictures;
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
    /// <summary>The statement to place on the map, chosen from those that set groups apart, unite or divide them.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Statement { get; set; }
    public string? MapSvg { get; private set; }
    public MapStatement? Placed { get; private set; }
    public MinimumGroup Minimum => new(MinimumGroupSize);

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
            if (Statement is { } statement && TextOf.ContainsKey(statement))
            {
                var placedAt = Groups.Groups.SelectMany(g => g.Participants).ToDictionary(p => p.Id);
                var agreed = (await session.Query<CorpusVote>().Where(v => v.ContributionId == statement && v.Value == "agree").Select(v => v.ParticipantId).ToListAsync())
                    .Where(placedAt.ContainsKey).Select(p => placedAt[p]).ToList();
                // Placed only where enough people agreed that no one's position can be read from it.
                if (!Minimum.Hides(agreed.Count))
                    Placed = new MapStatement(PictureText(TextOf[statement]), new MapPoint(agreed.Average(p => p.X), agreed.Average(p => p.Y)), agreed.Count);
                else Errors.Add($"Fewer than {MinimumGroupSize} placed people agreed with that statement, so it is not placed on the map.");
            }
            MapSvg = OpinionMap.Draw("opinion-map", Groups.Groups.Select(g => new MapGroup(g.Id, Label(g.Id),
                g.Participants.Select(p => new MapPoint(p.X, p.Y)).ToList())).ToList(), Minimum, Placed);
        }
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public static string Label(int groupId) => $"Group {(char)('A' + groupId)}";

    public static string PictureText(string text) => text.Length <= 60 ? text : text[..59].TrimEnd() + "…";

    /// <summary>The colour and shape each group has on the map, in words for the table.</summary>
    public static string Look(int groupId) =>
        $"{new[] { "blue", "red", "green", "orange", "plum", "aqua", "purple", "maroon" }[groupId % Svg.Palette.Length]} {new[] { "circles", "squares", "triangles", "crosses" }[groupId % 4]}";

    public static string Share(double probability) => $"{Math.Round(100 * probability):0}%";
}
