using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Seminar.Contracts;
using Engage.Workshop.Contracts;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>Participants join a workshop by email, contribute under a pseudonym and vote, and Analysis hears all of it.</summary>
public class when_participants_take_part_in_a_workshop(EngageHost engage) : WorkshopTest(engage)
{
    [Fact]
    public async Task they_join_post_and_vote_and_analysis_gets_pseudonymous_contributions_votes_and_attributes()
    {
        await OpenWorkshop();
        var nia = await Join("nia@example.org", "Nurse", "North East and Yorkshire");
        var ben = await Join("ben@example.org", "Physiotherapist", "London");

        Accepted posted = null!;
        await Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await nia.PostAsJsonAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions", new { text = "Protected supervision time, written into job plans." });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            posted = await response.Read<Accepted>();
        });
        Assert.Equal("published", posted.Status);

        await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.NoContent, (await ben.PutAsJsonAsync($"/api/contributions/{posted.Id}/vote", new { vote = "agree" })).StatusCode));
        var changed = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.NoContent, (await ben.PutAsJsonAsync($"/api/contributions/{posted.Id}/vote", new { vote = "disagree" })).StatusCode));
        Assert.Equal("disagree", changed.Executed.SingleMessage<VoteCast>().Vote);

        var listed = await (await ben.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions?sort=unvoted")).Read<JsonElement[]>();
        Assert.Equal("disagree", Assert.Single(listed).GetProperty("myVote").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await ben.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions?sort=random")).StatusCode);

        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var corpus = await (await analyst.GetAsync($"/api/analysis/workshops/{workshopId}")).Read<JsonElement>();
        Assert.Equal(2, corpus.GetProperty("participants").GetInt32());
        var item = Assert.Single(corpus.GetProperty("items").EnumerateArray());
        Assert.Equal((0, 1), (item.GetProperty("agree").GetInt32(), item.GetProperty("disagree").GetInt32()));
        Assert.Equal("Nurse", item.GetProperty("authorAttributes").GetProperty("profession").GetString());
        Assert.Matches(@"^Participant \d{4}, Nurse$", item.GetProperty("pseudonym").GetString());
        Assert.DoesNotContain("@", corpus.GetRawText());

        // Closing: Analysis hears the corpus is complete, and nothing more is taken.
        await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsync($"/api/workshops/{workshopId}/close", null)).StatusCode));
        Assert.True((await (await analyst.GetAsync($"/api/analysis/workshops/{workshopId}")).Read<JsonElement>()).GetProperty("closed").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await nia.PostAsJsonAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions", new { text = "Late" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ben.PutAsJsonAsync($"/api/contributions/{posted.Id}/vote", new { vote = "agree" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/workshops/{workshopId}/close", null)).StatusCode);
    }

    [Fact]
    public async Task joining_twice_keeps_one_registration_and_a_used_link_cannot_sign_in_again()
    {
        await OpenWorkshop();
        await Join("nia@example.org");
        await Join("nia@example.org");

        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        Assert.Equal(1, (await (await analyst.GetAsync($"/api/analysis/workshops/{workshopId}")).Read<JsonElement>()).GetProperty("participants").GetInt32());

        var mail = Directory.GetFiles(Engage.MailFolder).Order().Select(f => MimeMessage.Load(f)).First();
        var used = Regex.Match(mail.TextBody, @"/account/link/(\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Unauthorized, (await Engage.Client().PostAsJsonAsync("/api/auth/participant-token", new { linkToken = used })).StatusCode);
    }

    [Fact]
    public async Task bad_input_is_refused_with_a_named_problem_and_stores_nothing()
    {
        await OpenWorkshop();
        var nia = await Join("nia@example.org");
        var anonymous = Engage.Client();

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync($"/api/workshops/{workshopId}/participants", new { email = "x@example.org", consent = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync($"/api/workshops/{workshopId}/participants", new { email = "not-an-address", consent = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"/api/workshops/{Guid.NewGuid()}/participants", new { email = "x@example.org", consent = true })).StatusCode);

        var posts = $"/api/workshops/{workshopId}/themes/{themeId}/contributions";
        Assert.Equal(HttpStatusCode.BadRequest, (await nia.PostAsJsonAsync(posts, new { text = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await nia.PostAsJsonAsync(posts, new { text = new string('x', 2001) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await nia.PostAsJsonAsync($"/api/workshops/{workshopId}/themes/{Guid.NewGuid()}/contributions", new { text = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await nia.PostAsJsonAsync(posts, new { text = "Reply", parentId = Guid.NewGuid() })).StatusCode);

        var posted = await (await nia.PostAsJsonAsync(posts, new { text = "Fine" })).Read<Accepted>();
        var vote = await nia.PutAsJsonAsync($"/api/contributions/{posted.Id}/vote", new { vote = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, vote.StatusCode);
        Assert.Contains("'vote'", (await vote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await nia.PutAsJsonAsync($"/api/contributions/{Guid.NewGuid()}/vote", new { vote = "agree" })).StatusCode);

        // A participant is not staff, and someone who has not joined this workshop cannot post or vote in it.
        Assert.Equal(HttpStatusCode.Forbidden, (await nia.GetAsync("/api/workshops")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/contributions/{posted.Id}/vote", new { vote = "agree" })).StatusCode);
        var firstWorkshop = workshopId;
        await OpenWorkshop();
        var outsider = await Join("olu@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PutAsJsonAsync($"/api/contributions/{posted.Id}/vote", new { vote = "agree" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/workshops/{firstWorkshop}/themes/{themeId}/contributions", new { text = "Hi" })).StatusCode);

        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var items = await (await analyst.GetAsync($"/api/analysis/workshops/{firstWorkshop}/items")).Read<JsonElement[]>();
        Assert.Single(items);
    }

    [Fact]
    public async Task authors_edit_or_withdraw_their_own_and_analysis_follows_while_others_cannot_touch_it()
    {
        await OpenWorkshop();
        var nia = await Join("nia@example.org");
        var ben = await Join("ben@example.org");
        var posts = $"/api/workshops/{workshopId}/themes/{themeId}/contributions";
        Accepted posted = null!;
        await Host.ExecuteAndWaitAsync(async () => posted = await (await nia.PostAsJsonAsync(posts, new { text = "Rotas should protect supervision time." })).Read<Accepted>());
        await Host.ExecuteAndWaitAsync(async () => await (await nia.PostAsJsonAsync(posts, new { text = "Preceptorship for new practitioners." })).Read<Accepted>());

        // While typing, Ben is shown Nia's similar idea, not the unrelated one.
        var similar = await (await ben.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/similar?text=protected%20supervision%20in%20the%20rota")).Read<JsonElement[]>();
        Assert.Equal(posted.Id, Assert.Single(similar).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, (await ben.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/similar")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await ben.PutAsJsonAsync($"/api/contributions/{posted.Id}", new { text = "Hijacked" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.DeleteAsync($"/api/contributions/{posted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await nia.PutAsJsonAsync($"/api/contributions/{posted.Id}", new { text = "" })).StatusCode);

        // An edit that adds contact details takes it out of public view (and the corpus) until a moderator decides.
        var held = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal("held", (await (await nia.PutAsJsonAsync($"/api/contributions/{posted.Id}", new { text = "Ring me on 0113 496 0000." })).Read<Accepted>()).Status));
        Assert.Single(held.Sent.MessagesOf<ContributionWithdrawn>());
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        Assert.Single(await (await analyst.GetAsync($"/api/analysis/workshops/{workshopId}/items")).Read<JsonElement[]>());

        await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.NoContent, (await nia.DeleteAsync($"/api/contributions/{posted.Id}")).StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await nia.DeleteAsync($"/api/contributions/{posted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.PutAsJsonAsync($"/api/contributions/{posted.Id}/vote", new { vote = "agree" })).StatusCode);
    }

    [Fact]
    public async Task a_long_theme_is_read_fifty_at_a_time_newest_first_with_counts()
    {
        await OpenWorkshop();
        var nia = await Join("nia@example.org");
        var posts = $"/api/workshops/{workshopId}/themes/{themeId}/contributions";
        var ids = new List<Guid>();
        for (var i = 0; i < 55; i++) ids.Add((await (await staff.PostAsJsonAsync(posts, new { text = $"Idea number {i}" })).Read<Accepted>()).Id);
        await Host.ExecuteAndWaitAsync(async () => await nia.PutAsJsonAsync($"/api/contributions/{ids[0]}/vote", new { vote = "agree" }));

        var first = await (await nia.GetAsync(posts)).Read<JsonElement[]>();
        var second = await (await nia.GetAsync($"{posts}?page=2")).Read<JsonElement[]>();

        Assert.Equal((50, 5), (first.Length, second.Length));
        Assert.Equal("Idea number 54", first[0].GetProperty("text").GetString());
        var oldest = second[^1];
        Assert.Equal(("Idea number 0", 1, "agree"), (oldest.GetProperty("text").GetString(), oldest.GetProperty("agree").GetInt32(), oldest.GetProperty("myVote").GetString()));
        Assert.Equal(ids.AsEnumerable().Reverse(), first.Concat(second).Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task nobody_can_join_a_workshop_that_is_not_open()
    {
        var seminarId = Guid.NewGuid();
        await Host.InvokeMessageAndWaitAsync(new SeminarConcluded(seminarId, "Draft", [new AgreedTheme(Guid.NewGuid(), "T", "", ["Q?"], [], [])], DateTimeOffset.UtcNow));
        staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var draft = (await (await staff.GetAsync($"/api/workshops?seminarId={seminarId}")).Read<JsonElement[]>())[0].GetProperty("id").GetGuid();

        var response = await Engage.Client().PostAsJsonAsync($"/api/workshops/{draft}/participants", new { email = "x@example.org", consent = true });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}

public class when_a_participant_uses_the_workshop_pages(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task they_join_sign_in_from_the_email_post_reply_vote_edit_and_withdraw_without_javascript()
    {
        var themeId = Guid.NewGuid();
        var seminarId = Guid.NewGuid();
        await Host.InvokeMessageAndWaitAsync(new SeminarConcluded(seminarId, "ACP workshop",
            [new AgreedTheme(themeId, "Supervision", "", ["What support do trainees need?"], [], [])], DateTimeOffset.UtcNow));
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var workshopId = (await (await staff.GetAsync($"/api/workshops?seminarId={seminarId}")).Read<JsonElement[]>())[0].GetProperty("id").GetGuid();
        await staff.PostAsync($"/api/workshops/{workshopId}/open", null);
        var page = $"/take-part/{workshopId}";
        var browser = new Browser(Host);

        Assert.Contains("ACP workshop", await (await browser.Get("/take-part")).Content.ReadAsStringAsync());
        var noConsent = await browser.SubmitForm(page, [new("email", "pat@example.org")], $"{page}?handler=Join");
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.Contains("consent", await noConsent.Content.ReadAsStringAsync());

        await Host.ExecuteAndWaitAsync(async () =>
        {
            var joined = await browser.SubmitForm(page, [new("email", "pat@example.org"), new("consent", "true"), new("showProfession", "true"),
                new("profile[profession]", "Paramedic"), new("profile[region]", "London")], $"{page}?handler=Join");
            Assert.Contains("Check your email", await joined.Content.ReadAsStringAsync());
        });
        var mail = MimeMessage.Load(Assert.Single(Directory.GetFiles(Engage.MailFolder)));
        var link = "/account/link/" + Regex.Match(mail.TextBody, @"/account/link/(\S+)").Groups[1].Value;
        var signedIn = await browser.SubmitForm(link, []);
        Assert.Equal(page, signedIn.Headers.Location!.OriginalString);

        var member = await (await browser.Get(page)).Content.ReadAsStringAsync();
        Assert.Matches(@"You are taking part as <strong>Participant \d{4}, Paramedic</strong>", member);

        var themePage = $"{page}?theme={themeId}";
        await Host.ExecuteAndWaitAsync(async () =>
            await browser.SubmitForm(themePage, [new("text", "Protected time with a named supervisor.")], $"{page}?themeId={themeId}&theme={themeId}&handler=Post"));
        var posted = await (await browser.Get(themePage)).Content.ReadAsStringAsync();
        Assert.Contains("Protected time with a named supervisor.", posted);
        var contributionId = Regex.Match(posted, @"contributionId=([0-9a-f-]{36})").Groups[1].Value;

        var voted = await browser.SubmitForm(themePage, [new("vote", "agree")], $"{page}?contributionId={contributionId}&theme={themeId}&handler=Vote");
        var after = await voted.Content.ReadAsStringAsync();
        Assert.Contains("1 agree", after);
        Assert.Contains("aria-pressed=\"true\"", after);

        // A reply sits under its parent; the author may still edit within the window, then withdraw.
        await Host.ExecuteAndWaitAsync(async () =>
            await browser.SubmitForm(themePage, [new("text", "And a named deputy.")], $"{page}?themeId={themeId}&theme={themeId}&parentId={contributionId}&handler=Post"));
        var threaded = await (await browser.Get(themePage)).Content.ReadAsStringAsync();
        Assert.Matches(@"(?s)aria-label=""Replies to Participant \d{4}, Paramedic"">.*And a named deputy\.", threaded);
        Assert.Contains("1 reply", threaded);

        var edited = await Host.ExecuteAndWaitAsync(async () =>
            await browser.SubmitForm(themePage, [new("text", "Protected time with a named supervisor, every week.")], $"{page}?contributionId={contributionId}&theme={themeId}&handler=Edit"));
        Assert.Equal("Protected time with a named supervisor, every week.", edited.Sent.MessagesOf<ContributionPublished>().Select(m => m.Text).Distinct().Single());
        var withdrawn = await Host.ExecuteAndWaitAsync(async () =>
            await browser.SubmitForm(themePage, [], $"{page}?contributionId={contributionId}&theme={themeId}&handler=Withdraw"));
        Assert.Equal(Guid.Parse(contributionId), withdrawn.Sent.SingleMessage<ContributionWithdrawn>().ContributionId);
        Assert.DoesNotContain("every week", await (await browser.Get(themePage)).Content.ReadAsStringAsync());
    }
}

public class when_a_contribution_needs_a_moderator(EngageHost engage) : EngageTest(engage)
{
    private record Accepted(Guid Id, string Status);

    [Fact]
    public async Task contact_details_hold_it_and_a_moderator_approves_rejects_or_redacts_with_every_decision_counted()
    {
        var themeId = Guid.NewGuid();
        var seminarId = Guid.NewGuid();
        await Host.InvokeMessageAndWaitAsync(new SeminarConcluded(seminarId, "W", [new AgreedTheme(themeId, "T", "", ["Q?"], [], [])], DateTimeOffset.UtcNow));
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var workshopId = (await (await staff.GetAsync($"/api/workshops?seminarId={seminarId}")).Read<JsonElement[]>())[0].GetProperty("id").GetGuid();
        await staff.PostAsync($"/api/workshops/{workshopId}/open", null);
        var posts = $"/api/workshops/{workshopId}/themes/{themeId}/contributions";

        async Task<Accepted> Post(string text) => await (await staff.PostAsJsonAsync(posts, new { text })).Read<Accepted>();
        Accepted withEmail = null!, withNhsNumber = null!, withPhone = null!;
        var published = await Host.ExecuteAndWaitAsync(async () =>
        {
            withEmail = await Post("Write to me at sam@example.org about this.");
            withNhsNumber = await Post("My patient 943 476 5919 waited six hours.");
            withPhone = await Post("Call the team on 0113 496 0000.");
            await Post("Supervision should be protected time.");
        });
        Assert.Equal(["held", "held", "held"], new[] { withEmail, withNhsNumber, withPhone }.Select(a => a.Status));
        Assert.Single(published.Executed.MessagesOf<ContributionPublished>().Select(m => m.ContributionId).Distinct());

        var queue = await (await staff.GetAsync($"/api/workshops/{workshopId}/moderation")).Read<JsonElement[]>();
        Assert.Equal(3, queue.Length);
        Assert.Equal("NHS number", queue.Single(q => q.GetProperty("id").GetGuid() == withNhsNumber.Id).GetProperty("heldFor")[0].GetString());

        // Redacting must remove what was caught; rejecting needs a reason.
        var stillThere = await staff.PostAsJsonAsync($"/api/contributions/{withEmail.Id}/moderation", new { decision = "redact", reason = "Contact details", text = "Write to sam@example.org" });
        Assert.Equal(HttpStatusCode.BadRequest, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/contributions/{withPhone.Id}/moderation", new { decision = "reject" })).StatusCode);

        var decided = await Host.ExecuteAndWaitAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/contributions/{withEmail.Id}/moderation",
                new { decision = "redact", reason = "Contact details", text = "Write to me [email removed] about this." })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/contributions/{withNhsNumber.Id}/moderation",
                new { decision = "reject", reason = "Identifies a patient" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/contributions/{withPhone.Id}/moderation",
                new { decision = "approve" })).StatusCode);
        });
        Assert.Equal(2, decided.Executed.MessagesOf<ContributionPublished>().Select(m => m.ContributionId).Distinct().Count());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/contributions/{withPhone.Id}/moderation", new { decision = "approve" })).StatusCode);

        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var texts = (await (await analyst.GetAsync($"/api/analysis/workshops/{workshopId}/items")).Read<JsonElement[]>()).Select(i => i.GetProperty("text").GetString()).ToList();
        Assert.Contains("Write to me [email removed] about this.", texts);
        Assert.DoesNotContain(texts, t => t!.Contains("943 476 5919") || t.Contains("sam@example.org"));
        Assert.Empty(await (await staff.GetAsync($"/api/workshops/{workshopId}/moderation")).Read<JsonElement[]>());

        var counts = await (await staff.GetAsync($"/api/workshops/{workshopId}/moderation/decisions")).Read<JsonElement[]>();
        Assert.Equal(3, counts.Sum(c => c.GetProperty("count").GetInt32()));
        Assert.Contains(counts, c => c.GetProperty("decision").GetString() == "rejected" && c.GetProperty("reason").GetString() == "Identifies a patient");
    }
}

public class when_programme_staff_set_up_a_workshop(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task its_settings_are_kept_and_the_minute_job_opens_and_closes_it_on_schedule()
    {
        var seminarId = Guid.NewGuid();
        await Host.InvokeMessageAndWaitAsync(new SeminarConcluded(seminarId, "From the seminar", [new AgreedTheme(Guid.NewGuid(), "T", "", ["Q?"], [], [])], DateTimeOffset.UtcNow));
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var id = (await (await staff.GetAsync($"/api/workshops?seminarId={seminarId}")).Read<JsonElement[]>())[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutAsJsonAsync($"/api/workshops/{id}",
            new { title = "ACP", opensAt = DateTimeOffset.UtcNow.AddDays(2), closesAt = DateTimeOffset.UtcNow.AddDays(1), moderation = "Post" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/workshops/{id}", new
        {
            title = "Advanced practice: have your say", introduction = "Tell us what would help.", consentText = "I agree.",
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(14), moderation = "Pre", minimumGroupSize = 5
        })).StatusCode);

        await Host.InvokeMessageAndWaitAsync(new global::Engage.Workshop.Workshops.OpenAndCloseDueWorkshops());
        var workshop = await (await staff.GetAsync($"/api/workshops/{id}")).Read<JsonElement>();
        Assert.Equal("Open", workshop.GetProperty("status").GetString());
        Assert.Equal("Pre", workshop.GetProperty("moderation").GetString());
        Assert.Equal(5, workshop.GetProperty("minimumGroupSize").GetInt32());

        // Closing time passes (set in the store: the API refuses a closing time in the past).
        var store = Host.Services.GetRequiredService<global::Engage.Workshop.IWorkshopStore>();
        await using (var session = store.LightweightSession())
        {
            var doc = await session.LoadAsync<global::Engage.Workshop.Workshops.Workshop>(id);
            doc!.ClosesAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            session.Store(doc);
            await session.SaveChangesAsync();
        }
        var tick = await Host.InvokeMessageAndWaitAsync(new global::Engage.Workshop.Workshops.OpenAndCloseDueWorkshops());
        Assert.Equal(id, tick.Executed.SingleMessage<WorkshopClosed>().WorkshopId);
        Assert.Equal("Closed", (await (await staff.GetAsync($"/api/workshops/{id}")).Read<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutAsJsonAsync($"/api/workshops/{id}", new { title = "Too late", moderation = "Post" })).StatusCode);

        var again = await Host.InvokeMessageAndWaitAsync(new global::Engage.Workshop.Workshops.OpenAndCloseDueWorkshops());
        Assert.Empty(again.Executed.MessagesOf<WorkshopClosed>());
    }
}

public class when_a_participant_flags_a_contribution(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task it_joins_the_queue_and_a_moderator_keeps_it_or_removes_it_from_the_workshop_and_the_corpus()
    {
        var themeId = Guid.NewGuid();
        var seminarId = Guid.NewGuid();
        await Host.InvokeMessageAndWaitAsync(new SeminarConcluded(seminarId, "W", [new AgreedTheme(themeId, "T", "", ["Q?"], [], [])], DateTimeOffset.UtcNow));
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var workshopId = (await (await staff.GetAsync($"/api/workshops?seminarId={seminarId}")).Read<JsonElement[]>())[0].GetProperty("id").GetGuid();
        await staff.PostAsync($"/api/workshops/{workshopId}/open", null);
        await Host.ExecuteAndWaitAsync(async () =>
            await Engage.Client().PostAsJsonAsync($"/api/workshops/{workshopId}/participants", new { email = "pat@example.org", consent = true }));
        var linkToken = Regex.Match(MimeMessage.Load(Directory.GetFiles(Engage.MailFolder).Single()).TextBody, @"/account/link/(\S+)").Groups[1].Value;
        var pat = Engage.Client((await (await Engage.Client().PostAsJsonAsync("/api/auth/participant-token", new { linkToken })).Read<JsonElement>()).GetProperty("accessToken").GetString());

        var posts = $"/api/workshops/{workshopId}/themes/{themeId}/contributions";
        Guid kept = default, removed = default;
        await Host.ExecuteAndWaitAsync(async () =>
        {
            kept = (await (await staff.PostAsJsonAsync(posts, new { text = "A robust opinion." })).Read<JsonElement>()).GetProperty("id").GetGuid();
            removed = (await (await staff.PostAsJsonAsync(posts, new { text = "Something unkind about a named ward." })).Read<JsonElement>()).GetProperty("id").GetGuid();
        });

        Assert.Equal(HttpStatusCode.BadRequest, (await pat.PostAsJsonAsync($"/api/contributions/{kept}/flags", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await pat.PostAsJsonAsync($"/api/contributions/{kept}/flags", new { reason = "Rude" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pat.PostAsJsonAsync($"/api/contributions/{kept}/flags", new { reason = "Still rude" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await pat.PostAsJsonAsync($"/api/contributions/{removed}/flags", new { reason = "Identifies staff" })).StatusCode);

        var queue = await (await staff.GetAsync($"/api/workshops/{workshopId}/moderation")).Read<JsonElement[]>();
        Assert.Equal(2, queue.Length);
        Assert.Equal("Rude", queue.Single(q => q.GetProperty("id").GetGuid() == kept).GetProperty("flags")[0].GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/contributions/{kept}/moderation", new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/contributions/{kept}/moderation", new { decision = "keep", reason = "Robust but fair" })).StatusCode);
        var removal = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/contributions/{removed}/moderation", new { decision = "reject", reason = "Identifies staff" })).StatusCode));
        Assert.Equal(removed, removal.Executed.SingleMessage<ContributionModerated>().ContributionId);

        Assert.Empty(await (await staff.GetAsync($"/api/workshops/{workshopId}/moderation")).Read<JsonElement[]>());
        var listed = await (await pat.GetAsync($"{posts}")).Read<JsonElement[]>();
        Assert.Equal([kept], listed.Select(l => l.GetProperty("id").GetGuid()));
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var corpus = await (await analyst.GetAsync($"/api/analysis/workshops/{workshopId}/items")).Read<JsonElement[]>();
        Assert.Equal([kept], corpus.Select(c => c.GetProperty("id").GetGuid()));
    }
}
