using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using global::Engage.Reporting.Contracts;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.Reporting;

/// <summary>Closing the loop: publishing tells the Workshop, which tells participants; staff record what was done.</summary>
public class when_a_report_is_published_for_a_workshop(EngageHost engage) : ReportTest(engage)
{
    private async Task Publish()
    {
        var published = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode));
        Assert.Equal(1, published.Executed.SingleMessage<ReportPublished>().Version);
    }

    [Fact]
    public async Task participants_who_asked_for_updates_are_mailed_and_everyone_can_read_what_we_heard()
    {
        await OpenWorkshop();
        await Join("updates@example.org", updates: true);
        await Join("quiet@example.org", updates: false);
        await DraftReport(SampleAnalysis.Create(workshopId));

        var before = await Engage.Client().GetAsync($"/take-part/{workshopId}/what-we-heard");
        Assert.Contains("not published yet", await before.Content.ReadAsStringAsync());

        await Publish();

        var mail = Assert.Single(Mails(), m => m.Subject.StartsWith("What we heard"));
        Assert.Equal("updates@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains($"/take-part/{workshopId}/what-we-heard", mail.TextBody);
        Assert.DoesNotContain(Mails(), m => m.Subject.StartsWith("What we heard") && m.To.Mailboxes.Single().Address == "quiet@example.org");

        Assert.Contains($"/take-part/{workshopId}/what-we-heard", await (await Engage.Client().GetAsync($"/take-part/{workshopId}")).Content.ReadAsStringAsync());
        var page = await Engage.Client().GetAsync($"/take-part/{workshopId}/what-we-heard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("You said", html);
        Assert.Contains("Theme 1 about supervision", html);
        Assert.Contains("Recommendation text 1: agree a national standard for supervision.", html);
        Assert.Contains("For national bodies", html);
        Assert.Contains("nothing recorded yet", html);
        Assert.Contains($"/api/reports/{reportId}/versions/1/report.html", html);
    }

    [Fact]
    public async Task each_published_version_mails_each_participant_who_opted_in_once_even_when_the_message_comes_again()
    {
        await OpenWorkshop();
        await Join("ada@example.org", updates: true);
        await Join("ben@example.org", updates: true);
        await Join("cai@example.org", updates: false);
        await DraftReport(SampleAnalysis.Create(workshopId));
        ReportPublished first = null!;
        var published = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode));
        first = published.Executed.SingleMessage<ReportPublished>();

        string[] Heard() => Mails().Where(m => m.Subject.StartsWith("What we heard")).Select(m => m.To.Mailboxes.Single().Address).Order().ToArray();
        Assert.Equal(["ada@example.org", "ben@example.org"], Heard());

        // The outbox delivers at least once: the same announcement again must not mail anyone twice.
        await Host.InvokeMessageAndWaitAsync(first);
        Assert.Equal(["ada@example.org", "ben@example.org"], Heard());

        // A new version is news: one more mail each, saying which version.
        Assert.Equal(HttpStatusCode.NoContent, (await programme.PutAsJsonAsync($"/api/reports/{reportId}/narrative/summary", new { text = "Revised after the regulators' reply." })).StatusCode);
        var second = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode));
        Assert.Equal(2, second.Executed.SingleMessage<ReportPublished>().Version);
        Assert.Equal(["ada@example.org", "ada@example.org", "ben@example.org", "ben@example.org"], Heard());
        Assert.Equal(2, Mails().Count(m => m.Subject.StartsWith("What we heard") && m.TextBody.Contains("(version 2)")));
        Assert.DoesNotContain("cai@example.org", Heard());
    }

    [Fact]
    public async Task a_participant_who_did_not_tick_the_box_when_joining_can_ask_to_hear_back_later_and_is_mailed()
    {
        await OpenWorkshop();
        var dee = await Join("dee@example.org", updates: false);
        var eli = await Join("eli@example.org", updates: true);
        Assert.Equal(HttpStatusCode.NoContent, (await dee.PutAsJsonAsync($"/api/workshops/{workshopId}/me/email-updates", new { emailUpdates = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await eli.PutAsJsonAsync($"/api/workshops/{workshopId}/me/email-updates", new { emailUpdates = false })).StatusCode);
        Assert.True((await (await dee.GetAsync($"/api/workshops/{workshopId}/me")).Read<JsonElement>()).GetProperty("emailUpdates").GetBoolean());
        // Someone who has not joined has nothing to change.
        var stranger = await Join("fay@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/workshops/{Guid.NewGuid()}/me/email-updates", new { emailUpdates = true })).StatusCode);
        await DraftReport(SampleAnalysis.Create(workshopId));

        await Publish();

        Assert.Equal(["dee@example.org"], Mails().Where(m => m.Subject.StartsWith("What we heard")).Select(m => m.To.Mailboxes.Single().Address).ToArray());
    }

    [Fact]
    public async Task staff_record_what_was_done_and_participants_see_you_said_we_recommended_we_did()
    {
        await OpenWorkshop();
        await DraftReport(SampleAnalysis.Create(workshopId));
        await Publish();
        var (declined, done) = (analysis.Recommendations[0].RecommendationId, analysis.Recommendations[1].RecommendationId);

        var noReason = await programme.PostAsJsonAsync($"/api/reports/{reportId}/recommendations/{declined}/progress", new { progress = "declined" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Problem());
        var badValue = await programme.PostAsJsonAsync($"/api/reports/{reportId}/recommendations/{declined}/progress", new { progress = "maybe" });
        Assert.Contains("planned, in-progress, done, declined", await badValue.Problem());
        Assert.Equal(HttpStatusCode.NotFound, (await programme.PostAsJsonAsync($"/api/reports/{reportId}/recommendations/{Guid.NewGuid()}/progress", new { progress = "done" })).StatusCode);

        var recorded = await Host.ExecuteAndWaitAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.NoContent, (await programme.PostAsJsonAsync($"/api/reports/{reportId}/recommendations/{declined}/progress",
                new { progress = "declined", note = "The regulator already consults on this." })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await programme.PostAsJsonAsync($"/api/reports/{reportId}/recommendations/{done}/progress", new { progress = "done" })).StatusCode);
        });
        Assert.Equal(2, recorded.Executed.MessagesOf<RecommendationProgressRecorded>().Count());

        var html = await (await Engage.Client().GetAsync($"/take-part/{workshopId}/what-we-heard")).Content.ReadAsStringAsync();
        Assert.Contains("Declined", html);
        Assert.Contains("The regulator already consults on this.", html);
        Assert.Contains("nhsuk-tag--green\">Done", html);
        Assert.Contains("What was done: declined (The regulator already consults on this.)", await Html());
    }
}
