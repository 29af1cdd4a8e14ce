using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Seminar.Contracts;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>The seminar as a facilitator and the leaders they invite would run it, through the API and the pages.</summary>
public class when_a_facilitator_runs_a_seminar(EngageHost engage) : EngageTest(engage)
{
    private record Created(Guid Id);

    private HttpClient api = null!;

    private async Task<Guid> PlanSeminar(object? body = null)
    {
        api = Engage.Client(await Engage.TokenFor(Roles.Facilitator));
        return (await (await api.PostAsJsonAsync("/api/seminars", body ?? new
        {
            title = "Advanced practice", purpose = "Frame the problems", startsAt = DateTimeOffset.UtcNow.AddDays(7), format = "Hybrid",
            venue = "Leeds", joiningLink = "https://meet.example.org/acp", dotsPerAttendee = 3,
            interestGroups = new[] { "Nursing", "Employers", "Regulators" },
            agenda = new[] { new { time = "10:00", title = "Welcome", lead = "Chair" } }
        })).Read<Created>()).Id;
    }

    private async Task<Guid> Invite(Guid seminar, string name, string group) =>
        (await (await api.PostAsJsonAsync($"/api/seminars/{seminar}/invitees",
            new { name, email = $"{name.ToLowerInvariant()}@example.org", organisation = "Trust", interestGroup = group, role = "Lead" })).Read<Created>()).Id;

    /// <summary>Sends the invitations and returns each invitee's personal link token, read from the real .eml files.</summary>
    private async Task<Dictionary<string, string>> SendInvitations(Guid seminar)
    {
        await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/seminars/{seminar}/invitations", null)).StatusCode));
        return Directory.GetFiles(Engage.MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .ToDictionary(m => m.To.Mailboxes.Single().Address, m => Regex.Match(m.TextBody, $@"/seminars/{seminar}/attend/(\S+)").Groups[1].Value);
    }

    [Fact]
    public async Task the_invitation_says_where_once_and_puts_the_joining_link_on_a_line_of_its_own()
    {
        var seminar = await PlanSeminar();
        await Invite(seminar, "Nia", "Nursing");
        await SendInvitations(seminar);

        var letter = MimeMessage.Load(Assert.Single(Directory.GetFiles(Engage.MailFolder, "*.eml"))).TextBody.ReplaceLineEndings("\n");
        Assert.Contains(", at Leeds and online.\n", letter);
        Assert.DoesNotContain("online and online", letter);
        // A link followed by ")." would be opened with the brackets and full stop as part of the address.
        Assert.Contains("\nTo join online:\nhttps://meet.example.org/acp\n", letter);
    }

    [Fact]
    public async Task leaders_reply_frame_problems_and_vote_through_their_emailed_links_and_the_workshop_gets_the_agreed_themes()
    {
        var seminar = await PlanSeminar();
        await Invite(seminar, "Nia", "Nursing");
        await Invite(seminar, "Eve", "Employers");
        var links = await SendInvitations(seminar);
        Assert.Equal(2, links.Count);
        var nia = links["nia@example.org"];
        var eve = links["eve@example.org"];
        var anonymous = Engage.Client();

        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync($"/api/seminars/{seminar}/attend/{nia}/rsvp", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync($"/api/seminars/{seminar}/attend/{eve}/rsvp", new { accept = false })).StatusCode);
        var coverage = await (await api.GetAsync($"/api/seminars/{seminar}/coverage")).Read<JsonElement[]>();
        Assert.Equal(["Accepted", "InvitedOnly", "Missing"], coverage.Select(c => c.GetProperty("status").GetString()));

        // On the day: the register, problems from the room, a duplicate merged, themes, dots.
        var invitees = (await (await api.GetAsync($"/api/seminars/{seminar}")).Read<JsonElement>()).GetProperty("invitees").EnumerateArray().ToList();
        var eveId = invitees.Single(i => i.GetProperty("name").GetString() == "Eve").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync($"/api/seminars/{seminar}/invitees/{eveId}/attendance", new { attended = true })).StatusCode);

        var fromNia = (await (await anonymous.PostAsJsonAsync($"/api/seminars/{seminar}/attend/{nia}/problems",
            new { text = "Trainees have no protected supervision time", whyItMatters = "Unsafe practice" })).Read<Created>()).Id;
        var fromEve = (await (await anonymous.PostAsJsonAsync($"/api/seminars/{seminar}/attend/{eve}/problems",
            new { text = "Supervision time is not funded" })).Read<Created>()).Id;
        var regulation = (await (await api.PostAsJsonAsync($"/api/seminars/{seminar}/problems",
            new { text = "No one regulates the ACP title", interestGroup = "Regulators" })).Read<Created>()).Id;
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/seminars/{seminar}/problems/merge",
            new { keepProblemId = fromNia, mergeProblemIds = new[] { fromEve } })).StatusCode);

        var supervision = (await (await api.PostAsJsonAsync($"/api/seminars/{seminar}/themes",
            new { title = "Supervision", problemIds = new[] { fromNia }, prompts = new[] { "What supervision do trainees need?" } })).Read<Created>()).Id;
        var titles = (await (await api.PostAsJsonAsync($"/api/seminars/{seminar}/themes",
            new { title = "Titles", problemIds = new[] { regulation }, prompts = new[] { "Who should recognise the title?" }, seeds = new[] { "One register" } })).Read<Created>()).Id;

        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PutAsJsonAsync($"/api/seminars/{seminar}/attend/{nia}/dots",
            new { dots = new Dictionary<Guid, int> { [supervision] = 3 } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PutAsJsonAsync($"/api/seminars/{seminar}/attend/{eve}/dots",
            new { dots = new Dictionary<Guid, int> { [titles] = 2, [supervision] = 1 } })).StatusCode);
        var tooMany = await anonymous.PutAsJsonAsync($"/api/seminars/{seminar}/attend/{eve}/dots", new { dots = new Dictionary<Guid, int> { [titles] = 4 } });
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);

        var results = await (await api.GetAsync($"/api/seminars/{seminar}/results")).Read<JsonElement[]>();
        Assert.Equal("Supervision", results[0].GetProperty("title").GetString());
        Assert.Equal(4, results[0].GetProperty("dots").GetInt32());
        Assert.Equal(2, results[1].GetProperty("dotsByGroup").GetProperty("Employers").GetInt32());

        // Concluding sends SeminarConcluded once, and the Workshop drafts a workshop from it.
        var concluded = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync($"/api/seminars/{seminar}/conclude", new { themeIds = new[] { supervision, titles } })).StatusCode));
        var message = concluded.Executed.SingleMessage<SeminarConcluded>();
        var supervisionTheme = message.Themes.Single(t => t.ThemeId == supervision);
        Assert.Equal(new[] { fromEve, fromNia }.Order(), supervisionTheme.Problems.Select(p => p.ProblemId).Order());
        Assert.Equal(["Employers", "Nursing"], supervisionTheme.Problems.Select(p => p.InterestGroup).Order());

        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var workshop = Assert.Single(await (await staff.GetAsync($"/api/workshops?seminarId={seminar}")).Read<JsonElement[]>());
        Assert.Equal(2, workshop.GetProperty("themes").GetInt32());

        // Afterwards: a second conclusion, theme edits, new problems and dots are conflicts, and the Workshop heard once.
        var again = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/seminars/{seminar}/conclude", new { themeIds = new[] { titles } })).StatusCode));
        Assert.Empty(again.Executed.MessagesOf<SeminarConcluded>());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/seminars/{seminar}/themes/{titles}",
            new { title = "Changed", prompts = new[] { "Q?" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync($"/api/seminars/{seminar}/attend/{nia}/problems", new { text = "Late" })).StatusCode);
        Assert.Single(await (await staff.GetAsync($"/api/workshops?seminarId={seminar}")).Read<JsonElement[]>());

        // The record: both statements under their theme, and the votes.
        var problemsCsv = await api.GetStringAsync($"/api/seminars/{seminar}/problems.csv");
        Assert.Contains("Supervision time is not funded", problemsCsv);
        Assert.Contains($"{fromNia}", problemsCsv);
        var votesCsv = await api.GetStringAsync($"/api/seminars/{seminar}/votes.csv");
        Assert.Equal(4, votesCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + 3 placements
    }

    [Fact]
    public async Task a_forged_expired_or_other_seminars_link_is_a_bare_404()
    {
        var first = await PlanSeminar();
        var second = (await (await api.PostAsJsonAsync("/api/seminars", new { title = "Another" })).Read<Created>()).Id;
        await Invite(first, "Nia", "Nursing");
        var token = (await SendInvitations(first))["nia@example.org"];
        var anonymous = Engage.Client();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/seminars/{first}/attend/{token}")).StatusCode);
        foreach (var url in new[] { $"/api/seminars/{first}/attend/forged-token", $"/api/seminars/{second}/attend/{token}" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("seminar", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"/api/seminars/{second}/attend/{token}/problems", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await new Browser(Host).Get($"/seminars/{second}/attend/{token}")).StatusCode);

        // Expired: the link's date has passed.
        var store = Host.Services.GetRequiredService<global::Engage.Seminar.ISeminarStore>();
        await using (var session = store.LightweightSession())
        {
            var invitation = await session.LoadAsync<global::Engage.Seminar.Invitations.SeminarInvitation>(global::Engage.Seminar.Invitations.SeminarInvitation.HashOf(token));
            invitation!.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            session.Store(invitation);
            await session.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/seminars/{first}/attend/{token}")).StatusCode);
    }

    [Fact]
    public async Task bad_input_is_a_400_naming_the_field_and_stores_nothing()
    {
        var seminar = await PlanSeminar();

        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { text = new string('x', 2001), interestGroup = "Nursing" }, "2,000 characters or fewer"),
                     (new { text = "  ", interestGroup = "Nursing" }, "Enter the problem"),
                     (new { text = "Fine", interestGroup = "Astronauts" }, "'interestGroup'")
                 })
        {
            var response = await api.PostAsJsonAsync($"/api/seminars/{seminar}/problems", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        var noTitle = await api.PostAsJsonAsync("/api/seminars", new { purpose = "No title" });
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/seminars", new { title = "Bad link", joiningLink = "javascript:alert(1)" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/seminars/{Guid.NewGuid()}/problems", new { text = "x", interestGroup = "Nursing" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/seminars/{seminar}/themes", new { title = "T", problemIds = new[] { Guid.NewGuid() } })).StatusCode);

        var state = await (await api.GetAsync($"/api/seminars/{seminar}")).Read<JsonElement>();
        Assert.Equal(0, state.GetProperty("problems").GetArrayLength());
        Assert.Equal(0, state.GetProperty("themes").GetArrayLength());
        Assert.Single(await (await api.GetAsync("/api/seminars")).Read<JsonElement[]>());
    }

    [Fact]
    public async Task a_facilitator_runs_the_seminar_from_the_pages_without_javascript()
    {
        var browser = new Browser(Host);
        await Engage.TokenFor(Roles.Facilitator); // creates the account
        var accounts = await (await Engage.Client(await Engage.TokenFor(Roles.Admin)).GetAsync("/api/admin/accounts")).Read<global::Engage.Platform.Accounts.StaffAccountView[]>();
        await browser.SubmitForm("/account/signin", [new("email", accounts.First(a => a.Roles.Contains(Roles.Facilitator)).Email), new("password", "a-long-test-password")]);

        var planned = await browser.SubmitForm("/seminars/new", [new("Input.Title", "Page seminar"), new("Input.Format", "Online"),
            new("Input.InterestGroups", "Nursing\nEmployers"), new("Input.DotsPerAttendee", "4"), new("Input.Agenda", "10:00 | Welcome | Chair")]);
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var overview = planned.Headers.Location!.OriginalString;
        var id = Guid.Parse(overview.Split('/').Last());

        var added = await browser.SubmitForm($"/seminars/{id}/invitees", [new("Invitee.Name", "Nia"), new("Invitee.Email", "nia@example.org"),
            new("Invitee.InterestGroup", "Nursing")], $"/seminars/{id}/invitees?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var submitted = await browser.SubmitForm($"/seminars/{id}/problems", [new("Problem.Text", "Supervision is missing"), new("Problem.InterestGroup", "Employers")],
            $"/seminars/{id}/problems?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var tooLong = await browser.SubmitForm($"/seminars/{id}/problems", [new("Problem.Text", new string('x', 2001)), new("Problem.InterestGroup", "Employers")],
            $"/seminars/{id}/problems?handler=Submit");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("There is a problem", await tooLong.Content.ReadAsStringAsync());

        foreach (var page in new[] { overview, $"/seminars/{id}/invitees", $"/seminars/{id}/problems", $"/seminars/{id}/themes", $"/seminars/{id}/summary" })
            Assert.Equal(HttpStatusCode.OK, (await browser.Get(page)).StatusCode);
        var list = await (await browser.Get($"/seminars/{id}/problems?handler=List")).Content.ReadAsStringAsync();
        Assert.Contains("Supervision is missing", list);
        Assert.DoesNotContain("<html", list);
    }
}

public class when_the_morning_reminder_job_runs(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task invitees_of_seminars_in_the_next_two_days_who_have_not_declined_are_reminded_once()
    {
        var api = Engage.Client(await Engage.TokenFor(Roles.Facilitator));
        async Task<Guid> Seminar(string title, int days, params (string Name, bool? Accept)[] people)
        {
            var id = (await (await api.PostAsJsonAsync("/api/seminars", new { title, startsAt = DateTimeOffset.UtcNow.AddDays(days), interestGroups = new[] { "Nursing" } }))
                .Read<JsonElement>()).GetProperty("id").GetGuid();
            foreach (var (name, _) in people)
                await api.PostAsJsonAsync($"/api/seminars/{id}/invitees", new { name, email = $"{name}@example.org", interestGroup = "Nursing" });
            await Host.ExecuteAndWaitAsync(async () => await api.PostAsync($"/api/seminars/{id}/invitations", null));
            foreach (var (name, accept) in people.Where(p => p.Accept is not null))
            {
                var mail = Directory.GetFiles(Engage.MailFolder).Select(f => MimeMessage.Load(f)).First(m => m.To.Mailboxes.Single().Address == $"{name}@example.org");
                var token = Regex.Match(mail.TextBody, $@"/attend/(\S+)").Groups[1].Value;
                await Engage.Client().PostAsJsonAsync($"/api/seminars/{id}/attend/{token}/rsvp", new { accept = accept!.Value });
            }
            return id;
        }
        await Seminar("Tomorrow", 1, ("ann", true), ("bob", false), ("cat", null));
        await Seminar("Next month", 30, ("dan", true));
        Directory.Delete(Engage.MailFolder, true);

        await Host.InvokeMessageAndWaitAsync(new global::Engage.Seminar.Invitations.SendDueSeminarReminders());
        await Host.InvokeMessageAndWaitAsync(new global::Engage.Seminar.Invitations.SendDueSeminarReminders());

        var reminded = Directory.GetFiles(Engage.MailFolder).Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(["ann@example.org", "cat@example.org"], reminded.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(reminded, m => Assert.StartsWith("Reminder: Tomorrow", m.Subject));
    }
}

public class when_a_busy_room_writes_at_once(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task every_statement_submitted_concurrently_to_one_seminar_is_kept()
    {
        var api = Engage.Client(await Engage.TokenFor(Roles.Facilitator));
        var seminar = (await (await api.PostAsJsonAsync("/api/seminars", new { title = "Busy", interestGroups = new[] { "Nursing" } })).Read<JsonElement>()).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            api.PostAsJsonAsync($"/api/seminars/{seminar}/problems", new { text = $"Statement {i}", interestGroup = "Nursing" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var state = await (await api.GetAsync($"/api/seminars/{seminar}")).Read<JsonElement>();
        Assert.Equal(12, state.GetProperty("problems").GetArrayLength());
    }
}
