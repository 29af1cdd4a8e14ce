using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Seminar.Contracts;
using Engage.Workshop.Contracts;
using MimeKit;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>Programme staff run the workshop from its pages; participants get digests and reminders, and own their data.</summary>
public class when_a_workshop_is_running(EngageHost engage) : WorkshopTest(engage)
{
    [Fact]
    public async Task the_dashboard_counts_activity_and_suppresses_small_groups_in_the_api_and_the_staff_page()
    {
        await OpenWorkshop(new { title = "ACP workshop", moderation = "Post", minimumGroupSize = 3 });
        var nurses = new List<HttpClient>();
        for (var i = 0; i < 3; i++) nurses.Add(await Join($"nurse{i}@example.org", "Nurse"));
        var midwife = await Join("midwife@example.org", "Midwife");
        var idea = await Post(nurses[0], "Protected supervision time.");
        foreach (var voter in nurses.Skip(1).Append(midwife))
            await Host.ExecuteAndWaitAsync(async () => await voter.PutAsJsonAsync($"/api/contributions/{idea.Id}/vote", new { vote = "agree" }));

        var dashboard = await (await staff.GetAsync($"/api/workshops/{workshopId}/dashboard")).Read<JsonElement>();
        Assert.Equal((4, 1, 3), (dashboard.GetProperty("registrations").GetInt32(), dashboard.GetProperty("contributions").GetInt32(), dashboard.GetProperty("votes").GetInt32()));
        var professions = dashboard.GetProperty("byAttribute").GetProperty("profession").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        Assert.Equal(3, professions["Nurse"].GetProperty("participants").GetInt32());
        Assert.Equal(JsonValueKind.Null, professions["Midwife"].GetProperty("participants").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await midwife.GetAsync($"/api/workshops/{workshopId}/dashboard")).StatusCode);

        var browser = await StaffBrowser();
        var page = await (await browser.Get($"/workshops/{workshopId}")).Content.ReadAsStringAsync();
        Assert.Contains("fewer than 3", page);
        Assert.Matches(@"Supervision</td><td class=""nhsuk-table__cell nhsuk-table__cell--numeric"">1</td><td class=""nhsuk-table__cell nhsuk-table__cell--numeric"">3</td>", page);
    }

    [Fact]
    public async Task staff_set_it_up_moderate_and_close_it_from_the_pages_without_javascript()
    {
        themeId = Guid.NewGuid();
        var seminarId = Guid.NewGuid();
        await Host.InvokeMessageAndWaitAsync(new SeminarConcluded(seminarId, "Drafted", [new AgreedTheme(themeId, "Supervision", "", ["Q?"], [], [])], DateTimeOffset.UtcNow));
        staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        workshopId = (await (await staff.GetAsync($"/api/workshops?seminarId={seminarId}")).Read<JsonElement[]>())[0].GetProperty("id").GetGuid();
        var browser = await StaffBrowser();
        var setup = $"/workshops/{workshopId}/setup";

        var bad = await browser.SubmitForm(setup, [new("Title", "ACP"), new("Moderation", "Pre"), new("MinimumGroupSize", "2")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("minimumGroupSize", await bad.Content.ReadAsStringAsync());
        var saved = await browser.SubmitForm(setup, [new("Title", "Advanced practice: have your say"), new("Moderation", "Pre"), new("MinimumGroupSize", "5"),
            new("Themes[0].Id", themeId.ToString()), new("Themes[0].Title", "Supervision and support"), new("Themes[0].Prompts", "What helps?\nWhat gets in the way?"),
            new("Themes[1].Title", "Regulation"), new("Questions", "profession | Your profession | Nurse; Paramedic")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var workshop = await (await staff.GetAsync($"/api/workshops/{workshopId}")).Read<JsonElement>();
        Assert.Equal(["Supervision and support", "Regulation"], workshop.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal(["What helps?", "What gets in the way?"], workshop.GetProperty("themes")[0].GetProperty("prompts").EnumerateArray().Select(p => p.GetString()));

        var overview = $"/workshops/{workshopId}";
        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitForm(overview, [], $"{overview}?handler=Open")).StatusCode);
        // The workshop's own questions now decide what a profile answer may be.
        var refused = await Engage.Client().PostAsJsonAsync($"/api/workshops/{workshopId}/participants",
            new { email = "x@example.org", consent = true, profile = new Dictionary<string, string> { ["profession"] = "Midwife" } });
        Assert.Contains("'profile.profession' must be one of: Nurse, Paramedic", await refused.Problem());

        var nia = await Join("nia@example.org", "Nurse", region: null);
        var held = await Post(nia, "Supervision needs protected time.");
        Assert.Equal("held", held.Status);
        Assert.Contains("1 waiting for a moderator", await (await browser.Get(overview)).Content.ReadAsStringAsync());
        var moderation = $"{overview}/moderation";
        Assert.Contains("held for: pre-moderation", await (await browser.Get(moderation)).Content.ReadAsStringAsync());
        var approved = await Host.ExecuteAndWaitAsync(async () =>
            await browser.SubmitForm(moderation, [new("decision", "approve")], $"{moderation}?contributionId={held.Id}&handler=Moderate"));
        Assert.Equal(held.Id, approved.Sent.SingleMessage<ContributionPublished>().ContributionId);

        var closed = await Host.ExecuteAndWaitAsync(async () => await browser.SubmitForm(overview, [], $"{overview}?handler=Close"));
        Assert.Equal(workshopId, closed.Sent.SingleMessage<WorkshopClosed>().WorkshopId);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/workshops/{workshopId}/close", null)).StatusCode);
    }

    [Fact]
    public async Task a_moderator_decides_on_what_waits_but_cannot_run_the_workshop()
    {
        await OpenWorkshop();
        var nia = await Join("nia@example.org");
        var held = await Post(nia, "Call me on 0113 496 0000.");
        var moderator = Engage.Client(await Engage.TokenFor(Roles.Moderator));

        var queue = await (await moderator.GetAsync($"/api/workshops/{workshopId}/moderation")).Read<JsonElement[]>();
        Assert.Equal("phone number", Assert.Single(queue).GetProperty("heldFor")[0].GetString());
        var redacted = await Host.ExecuteAndWaitAsync(async () => Assert.Equal(HttpStatusCode.NoContent,
            (await moderator.PostAsJsonAsync($"/api/contributions/{held.Id}/moderation", new { decision = "redact", reason = "phone number", text = "Call me." })).StatusCode));
        Assert.Equal("Call me.", redacted.Sent.SingleMessage<ContributionPublished>().Text);

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsync($"/api/workshops/{workshopId}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync($"/api/workshops/{workshopId}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nia.GetAsync($"/api/workshops/{workshopId}/moderation")).StatusCode);
    }

    [Fact]
    public async Task those_who_opted_in_get_a_digest_of_replies_and_one_reminder_before_closing()
    {
        await OpenWorkshop(new { title = "ACP workshop", moderation = "Post", closesAt = DateTimeOffset.UtcNow.AddHours(20) });
        var nia = await Join("nia@example.org", updates: true);
        var ben = await Join("ben@example.org", updates: false);
        var idea = await Post(nia, "Protected supervision time.");
        await Post(ben, "Yes, and a named supervisor.", idea.Id);

        await Host.InvokeMessageAndWaitAsync(new global::Engage.Workshop.Engagement.SendDigests());
        var digest = Assert.Single(Mails(), m => m.Subject.StartsWith("Your daily digest"));
        Assert.Equal("nia@example.org", digest.To.Mailboxes.Single().Address);
        Assert.Contains("Yes, and a named supervisor.", digest.TextBody);

        // Nothing new since: no second digest.
        await Host.InvokeMessageAndWaitAsync(new global::Engage.Workshop.Engagement.SendDigests());
        Assert.Single(Mails(), m => m.Subject.StartsWith("Your daily digest"));

        await Host.InvokeMessageAndWaitAsync(new global::Engage.Workshop.Engagement.SendClosingReminders());
        await Host.InvokeMessageAndWaitAsync(new global::Engage.Workshop.Engagement.SendClosingReminders());
        Assert.Equal(["nia@example.org"], Mails().Where(m => m.Subject.StartsWith("Closing soon")).Select(m => m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task a_participant_downloads_their_data_then_deletes_it_and_analysis_forgets_them()
    {
        await OpenWorkshop();
        var nia = await Join("nia@example.org", "Nurse");
        var ben = await Join("ben@example.org", "Paramedic");
        var idea = await Post(nia, "Protected supervision time.");
        await Host.ExecuteAndWaitAsync(async () => await nia.PutAsJsonAsync($"/api/contributions/{idea.Id}/vote", new { vote = "agree" }));

        var data = await (await nia.GetAsync($"/api/workshops/{workshopId}/me")).Read<JsonElement>();
        Assert.Equal("Nurse", data.GetProperty("profile").GetProperty("profession").GetString());
        Assert.Equal("Protected supervision time.", data.GetProperty("contributions")[0].GetProperty("text").GetString());
        Assert.Single(data.GetProperty("votes").EnumerateArray());
        Assert.DoesNotContain("nia@example.org", data.GetRawText());

        var deleted = await Host.ExecuteAndWaitAsync(async () => Assert.Equal(HttpStatusCode.NoContent, (await nia.DeleteAsync($"/api/workshops/{workshopId}/me")).StatusCode));
        // One message, delivered to each module that keeps a copy of her data (Analysis and Reporting).
        Assert.Single(deleted.Sent.MessagesOf<ParticipantLeft>().Distinct());
        Assert.Equal(HttpStatusCode.NotFound, (await nia.GetAsync($"/api/workshops/{workshopId}/me")).StatusCode);

        // The workshop keeps what she wrote, unlinked; her vote and attributes are gone from Analysis.
        var listed = await (await ben.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions")).Read<JsonElement[]>();
        Assert.Equal(("Former participant", 0), (listed.Single().GetProperty("pseudonym").GetString(), listed.Single().GetProperty("agree").GetInt32()));
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var corpus = await (await analyst.GetAsync($"/api/analysis/workshops/{workshopId}")).Read<JsonElement>();
        Assert.Equal(1, corpus.GetProperty("participants").GetInt32());
        var item = corpus.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("Former participant", 0), (item.GetProperty("pseudonym").GetString(), item.GetProperty("agree").GetInt32()));
        Assert.Empty(item.GetProperty("authorAttributes").EnumerateObject());

        // Her sign-in identity went with her last registration.
        Assert.Equal(HttpStatusCode.Accepted, (await Engage.Client().PostAsJsonAsync($"/api/workshops/{workshopId}/participants", new { email = "nia@example.org", consent = true })).StatusCode);
    }

    private async Task<Browser> StaffBrowser()
    {
        var browser = new Browser(Host);
        await Engage.TokenFor(Roles.ProgrammeStaff);
        var accounts = await (await Engage.Client(await Engage.TokenFor(Roles.Admin)).GetAsync("/api/admin/accounts")).Read<global::Engage.Platform.Accounts.StaffAccountView[]>();
        await browser.SubmitForm("/account/signin", [new("email", accounts.First(a => a.Roles.Contains(Roles.ProgrammeStaff)).Email), new("password", "a-long-test-password")]);
        return browser;
    }

    [Fact]
    public async Task a_moderator_filters_the_queue_and_decides_on_many_posts_with_one_reason()
    {
        await OpenWorkshop();
        var nia = await Join("nia@example.org");
        var eve = await Join("eve@example.org", "Paramedic");
        var phone = await Post(nia, "Call me on 0113 496 0000.");
        var email = await Post(nia, "Write to nia@example.org.");
        var fine = await Post(eve, "Supervision needs protected time.");
        var reply = await Post(nia, "Agreed, and study days too.", fine.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await nia.PostAsJsonAsync($"/api/contributions/{fine.Id}/flags", new { reason = "Off topic" })).StatusCode);
        var moderator = Engage.Client(await Engage.TokenFor(Roles.Moderator));
        async Task<JsonElement[]> Queue(string query = "") => await (await moderator.GetAsync($"/api/workshops/{workshopId}/moderation/queue{query}")).Read<JsonElement[]>();

        Assert.Equal(3, (await Queue()).Length);
        var reported = Assert.Single(await Queue("?source=reported"));
        Assert.Equal(1, reported.GetProperty("reportedBy").GetInt32());
        Assert.Equal("Off topic", reported.GetProperty("reasons")[0].GetProperty("reason").GetString());
        Assert.Equal(reply.Id, reported.GetProperty("replies")[0].GetProperty("id").GetGuid());
        Assert.Equal(["Posted", "Reported by a participant"], reported.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()).ToArray());
        Assert.Equal(phone.Id, Assert.Single(await Queue("?check=phone%20number")).GetProperty("id").GetGuid());
        Assert.Equal(2, (await Queue("?source=held")).Length);
        Assert.Single(await Queue("?reason=topic"));
        Assert.Empty(await Queue($"?theme={Guid.NewGuid()}"));

        // A removal needs its reason, and a post from elsewhere spoils the request: either way nothing is decided.
        var noReason = await moderator.PostAsJsonAsync($"/api/workshops/{workshopId}/moderation/decisions", new { contributionIds = new[] { phone.Id, email.Id }, decision = "remove" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Enter a reason", await noReason.Content.ReadAsStringAsync());
        var elsewhere = await moderator.PostAsJsonAsync($"/api/workshops/{workshopId}/moderation/decisions", new { contributionIds = new[] { phone.Id, Guid.NewGuid() }, decision = "remove", reason = "Contact details" });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(3, (await Queue()).Length);

        var decided = await Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await moderator.PostAsJsonAsync($"/api/workshops/{workshopId}/moderation/decisions",
                new { contributionIds = new[] { phone.Id, email.Id, fine.Id }, decision = "publish", reason = "Checked" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, (await response.Read<JsonElement>()).GetProperty("decided").GetInt32());
        });
        // The two held posts are approved and published; the reported one is kept, so nothing new is published for it.
        Assert.Equal(new[] { email.Id, phone.Id }.Order().ToArray(), decided.Sent.MessagesOf<ContributionPublished>().Select(p => p.ContributionId).Order().ToArray());
        Assert.Empty(await Queue());
        var decisions = await (await moderator.GetAsync($"/api/workshops/{workshopId}/moderation/decisions")).Read<JsonElement[]>();
        Assert.Contains(decisions, d => d.GetProperty("decision").GetString() == "kept" && d.GetProperty("reason").GetString() == "Checked");
        Assert.Equal(2, decisions.Where(d => d.GetProperty("decision").GetString() == "approved").Sum(d => d.GetProperty("count").GetInt32()));
    }
}
