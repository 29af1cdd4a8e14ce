using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>A theme is read in every order from the counts PostgreSQL keeps per contribution as votes and replies arrive.</summary>
public class when_a_theme_is_read_in_order(EngageHost engage) : WorkshopTest(engage)
{
    [Fact]
    public async Task every_order_follows_votes_changes_of_mind_and_replies()
    {
        await OpenWorkshop();
        var (nia, ben, sam) = (await Join("nia@example.org"), await Join("ben@example.org", "Physiotherapist", "London"), await Join("sam@example.org", "Paramedic", "London"));
        var early = await Post(nia, "Early and popular");
        var middle = await Post(nia, "Discussed");
        var late = await Post(nia, "Late and unseen");
        await Post(ben, "A reply to the discussed one", middle.Id);
        var reply = await Post(sam, "Another reply", middle.Id);

        async Task Vote(HttpClient who, Accepted on, string vote) => await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.NoContent, (await who.PutAsJsonAsync($"/api/contributions/{on.Id}/vote", new { vote })).StatusCode));
        await Vote(ben, early, "agree");
        await Vote(sam, early, "disagree");
        await Vote(sam, early, "agree"); // a change of mind moves one count to the other
        await Vote(ben, middle, "disagree");
        await Vote(sam, middle, "pass");
        await Vote(nia, reply, "agree");

        async Task<JsonElement[]> Read(HttpClient who, string sort) =>
            await (await who.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions?sort={sort}")).Read<JsonElement[]>();
        static string[] Texts(JsonElement[] rows) => rows.Select(r => r.GetProperty("text").GetString()!).ToArray();

        var agreed = await Read(nia, "agreed");
        Assert.Equal("Early and popular", agreed[0].GetProperty("text").GetString());
        Assert.Equal((2, 0, 0), (agreed[0].GetProperty("agree").GetInt32(), agreed[0].GetProperty("disagree").GetInt32(), agreed[0].GetProperty("pass").GetInt32()));
        var discussed = (await Read(nia, "discussed"))[0];
        Assert.Equal("Discussed", discussed.GetProperty("text").GetString());
        Assert.Equal((0, 1, 1, 2), (discussed.GetProperty("agree").GetInt32(), discussed.GetProperty("disagree").GetInt32(),
            discussed.GetProperty("pass").GetInt32(), discussed.GetProperty("replies").GetInt32()));
        Assert.Equal(["Early and popular", "Another reply", "A reply to the discussed one", "Late and unseen", "Discussed"], Texts(agreed));
        Assert.Equal(["Discussed", "Early and popular", "Another reply", "A reply to the discussed one", "Late and unseen"], Texts(await Read(nia, "discussed")));
        // Ben voted on two: what he has not voted on comes first, the least voted first, then his own.
        Assert.Equal(["A reply to the discussed one", "Late and unseen", "Another reply", "Discussed", "Early and popular"], Texts(await Read(ben, "unvoted")));
        Assert.Equal(["Another reply", "A reply to the discussed one", "Late and unseen", "Discussed", "Early and popular"], Texts(await Read(ben, "newest")));
    }
}
