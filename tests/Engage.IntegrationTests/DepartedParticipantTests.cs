using Engage.Analysis;
using Engage.Analysis.Corpora;
using Engage.IntegrationTests.Support;
using Engage.Workshop.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>
/// Messages about a participant can reach Analysis after the message saying they deleted their data:
/// votes wait up to 100 ms for a batch, and anything can be redelivered after a crash. What arrives
/// late must not bring their data back.
/// </summary>
public class when_a_participant_leaves_before_their_last_messages_reach_analysis(EngageHost engage) : EngageTest(engage)
{
    private readonly Guid workshop = Guid.NewGuid(), participant = Guid.NewGuid(), other = Guid.NewGuid();
    private readonly Guid kept = Guid.NewGuid(), removed = Guid.NewGuid();

    [Fact]
    public async Task their_late_votes_are_dropped_their_removed_contributions_stay_out_and_the_rest_are_unattributed()
    {
        var now = DateTimeOffset.UtcNow;
        await Host.SendMessageAndWaitAsync(new ParticipantLeft(participant, workshop, [removed], now));
        var store = Host.Services.GetRequiredService<IAnalysisStore>();
        await using (var session = store.LightweightSession())
        {
            await VoteCastBatchHandler.Handle([new VoteCast(kept, workshop, participant, "agree", now.AddSeconds(-1)),
                new VoteCast(kept, workshop, other, "disagree", now.AddSeconds(-1))], session);
            await session.SaveChangesAsync();
        }
        await Host.SendMessageAndWaitAsync(new ContributionPublished(kept, workshop, Guid.NewGuid(), null, "Kept, unattributed", "Quiet Otter", now, participant));
        await Host.SendMessageAndWaitAsync(new ContributionPublished(removed, workshop, Guid.NewGuid(), null, "Removed by its author", "Quiet Otter", now, participant));

        await using var query = store.QuerySession();
        var votes = await Marten.QueryableExtensions.ToListAsync(query.Query<CorpusVote>().Where(v => v.WorkshopId == workshop));
        Assert.Equal([other], votes.Select(v => v.ParticipantId));
        var item = await query.LoadAsync<CorpusItem>(kept);
        Assert.Equal((null, "Former participant"), (item!.AuthorId, item.Pseudonym));
        Assert.Null(await query.LoadAsync<CorpusItem>(removed));
    }
}
