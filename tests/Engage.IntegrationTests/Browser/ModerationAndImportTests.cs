using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using Engage.IntegrationTests.Survival;
using Engage.Platform;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Engage.IntegrationTests.BrowserJourneys;

/// <summary>
/// A moderator works through the queue as on a busy morning: filters it, reads why people reported a post and the
/// thread around it, removes two posts with one reason, and sees each post's history. Programme staff import a
/// Polis conversation through the page: first files with mistakes (every problem listed by file and line,
/// nothing imported), then the corrected files (the counts of what came in).
/// </summary>
[Trait("Category", "Browser")]
public sealed class when_staff_moderate_and_import_through_the_pages(EngageInChromium engage, ITestOutputHelper output)
    : IClassFixture<EngageInChromium>
{
    private readonly AccessibilityAudit audit = new("moderation-import", output);

    [Fact]
    public async Task a_moderator_filters_the_queue_reads_reports_and_threads_and_decides_on_many_at_once()
    {
        var engagement = await ProcessEngagement.Open(engage.Host, engage.MailFolder, 4);
        var people = engagement.ParticipantTokens.Select(t => engage.Host.Client(t)).ToList();
        async Task<Guid> Post(HttpClient who, string text, Guid? parentId = null)
        {
            var response = await who.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions", new { text, parentId });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        var reported = await Post(people[0], "Consultants who will not supervise ACPs should be named and shamed.");
        await Post(people[1], "I agree that supervision is the heart of it.", reported);
        await Post(people[2], "Ring me on 07700 900123 about our supervision rota.");
        await Post(people[3], "Email me at ana@example.org for our study-leave policy.");
        await Post(people[1], "Our trust page www.example-trust.co explains the study days.");
        foreach (var (who, reason) in new[] { (1, "A personal attack on consultants."), (2, "A personal attack on consultants."), (3, "Unkind.") })
            Assert.Equal(HttpStatusCode.NoContent, (await people[who].PostAsJsonAsync($"/api/contributions/{reported}/flags", new { reason })).StatusCode);

        var mo = await engage.SignedIn(await engage.StaffAccount("Mo Moderator", Roles.Moderator));
        var queue = $"/workshops/{engagement.WorkshopId}/moderation";
        await EngageInChromium.VisitUntil(mo, queue, mo.GetByRole(AriaRole.Heading, new() { Name = "Waiting for a moderator (4)" }), "the queue of four");
        await audit.Check(mo, "moderation-queue");

        // Reported posts only: the reasons with how many gave each, and the thread.
        await mo.GetByLabel("Why it waits").SelectOptionAsync("reported");
        await mo.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(mo.GetByText("1 post matches the filters.")).ToBeVisibleAsync();
        await Expect(mo.GetByText(new Regex("reported by 3 people"))).ToBeVisibleAsync();
        await Expect(mo.GetByText("A personal attack on consultants. (2 people)")).ToBeVisibleAsync();
        await mo.GetByText("The thread: 1 reply").ClickAsync();
        await Expect(mo.Locator("li", new() { HasText = "I agree that supervision is the heart of it." })).ToBeVisibleAsync();
        await mo.GetByText("History of this post").ClickAsync();
        await Expect(mo.GetByText(new Regex("Reported by a participant \\(Unkind\\.\\)"))).ToBeVisibleAsync();
        await audit.Check(mo, "moderation-reported");

        // By the check that held them, then back to everything.
        await mo.GetByLabel("Why it waits").SelectOptionAsync("");
        await mo.GetByLabel("The check that held it").SelectOptionAsync("phone number");
        await mo.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(mo.GetByText("1 post matches the filters.")).ToBeVisibleAsync();
        await Expect(mo.Locator("p", new() { HasText = "Ring me on 07700 900123 about our supervision rota." })).ToBeVisibleAsync();
        await Expect(mo.Locator("p", new() { HasText = "Email me at ana@example.org" })).ToHaveCountAsync(0);
        await mo.GetByRole(AriaRole.Link, new() { Name = "Clear the filters" }).ClickAsync();

        // One decision, one reason, two posts; a removal without a reason is refused and changes nothing.
        var phone = mo.Locator(".nhsuk-card", new() { HasText = "Ring me on 07700" });
        var email = mo.Locator(".nhsuk-card", new() { HasText = "Email me at ana@" });
        await phone.GetByLabel(new Regex("^Select what")).CheckAsync();
        await email.GetByLabel(new Regex("^Select what")).CheckAsync();
        await mo.GetByLabel("Remove them").CheckAsync();
        await mo.GetByRole(AriaRole.Button, new() { Name = "Apply to the selected posts" }).ClickAsync();
        await Expect(mo.GetByText("Enter a reason for removing the selected posts.")).ToBeVisibleAsync();
        await Expect(mo.GetByRole(AriaRole.Heading, new() { Name = "Waiting for a moderator (4)" })).ToBeVisibleAsync();

        await mo.Locator(".nhsuk-card", new() { HasText = "Ring me on 07700" }).GetByLabel(new Regex("^Select what")).CheckAsync();
        await mo.Locator(".nhsuk-card", new() { HasText = "Email me at ana@" }).GetByLabel(new Regex("^Select what")).CheckAsync();
        await mo.GetByLabel("Remove them").CheckAsync();
        await mo.GetByLabel(new Regex("^One reason for all of them")).FillAsync("Contact details in a public post");
        await mo.GetByRole(AriaRole.Button, new() { Name = "Apply to the selected posts" }).ClickAsync();
        await Expect(mo.GetByText("Your decision is recorded for 2 posts.")).ToBeVisibleAsync();
        await Expect(mo.GetByRole(AriaRole.Heading, new() { Name = "Waiting for a moderator (2)" })).ToBeVisibleAsync();
        await Expect(mo.GetByRole(AriaRole.Cell, new() { Name = "Contact details in a public post" })).ToBeVisibleAsync();
        await Expect(mo.Locator("td.nhsuk-table__cell--numeric").First).ToHaveTextAsync("2");
        await audit.Check(mo, "moderation-decided");

        using var staff = engage.Host.Client(engagement.StaffToken);
        var decisions = await (await staff.GetAsync($"/api/workshops/{engagement.WorkshopId}/moderation/decisions")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(decisions.EnumerateArray(), d => d.GetProperty("decision").GetString() == "rejected" && d.GetProperty("count").GetInt32() == 2);
        await mo.Context.CloseAsync();
    }

    private const string GoodComments = """
        timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
        1500000000000,x,0,7,0,0,1,Supervision needs protected time.
        1500000001000,x,1,8,0,0,1,One register for advanced practice.
        1500000002000,x,2,9,0,0,-1,Off topic.
        """;

    private const string GoodVotes = """
        timestamp,datetime,comment-id,voter-id,vote
        1500000010000,x,0,7,1
        1500000011000,x,0,8,-1
        1500000012000,x,1,7,1
        1500000013000,x,1,9,0
        1500000014000,x,0,9,1
        """;

    [Fact]
    public async Task staff_see_every_problem_in_the_files_by_file_and_line_then_import_the_corrected_ones()
    {
        var pat = await engage.SignedIn(await engage.StaffAccount("Pat Programme", Roles.ProgrammeStaff));
        await pat.GotoAsync("/workshops");
        await pat.GetByRole(AriaRole.Link, new() { Name = "import a past Polis conversation" }).ClickAsync();
        await Expect(pat.GetByRole(AriaRole.Heading, new() { Name = "Import a Polis conversation" })).ToBeVisibleAsync();
        await audit.Check(pat, "import");

        var badComments = GoodComments.Replace("1500000001000,x,1,8,0,0,1", "1500000001000,x,1,8,0,0,5").Replace("1500000002000,x,2,9", "soon,x,2,9");
        var badVotes = GoodVotes.Replace("1500000013000,x,1,9,0", "1500000013000,x,42,9,0");
        await Upload(pat, badComments, badVotes, "Land use (Polis)");
        await Expect(pat.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        var comments = pat.Locator("table", new() { Has = pat.GetByText("Problems in comments.csv, by line") });
        await Expect(comments.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(comments.Locator("tbody tr").Nth(0)).ToContainTextAsync("3");
        await Expect(comments.Locator("tbody tr").Nth(0)).ToContainTextAsync("'moderated' must be -1, 0 or 1.");
        await Expect(comments.Locator("tbody tr").Nth(1)).ToContainTextAsync("4");
        await Expect(comments.Locator("tbody tr").Nth(1)).ToContainTextAsync("'timestamp' must be milliseconds since 1970");
        var votes = pat.Locator("table", new() { Has = pat.GetByText("Problems in votes.csv, by line") });
        await Expect(votes.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(votes.Locator("tbody tr").Nth(0)).ToContainTextAsync("5");
        await Expect(votes.Locator("tbody tr").Nth(0)).ToContainTextAsync("comment-id 42 is not in comments.csv.");
        await audit.Check(pat, "import-problems");
        var signIn = await engage.Host.Client().PostAsJsonAsync("/api/auth/token", new { email = EngageHost.AdminEmail, password = EngageHost.AdminPassword });
        using (var admin = engage.Host.Client((await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()))
            Assert.DoesNotContain("Land use (Polis)", await admin.GetStringAsync("/api/workshops"));

        await Upload(pat, GoodComments, GoodVotes, "Land use (Polis)");
        await Expect(pat.GetByRole(AriaRole.Heading, new() { Name = "Conversation imported" })).ToBeVisibleAsync();
        await Expect(pat.GetByText("3 contributions, 5 votes and 3 participants.")).ToBeVisibleAsync();
        await audit.Check(pat, "imported");
        await pat.GetByRole(AriaRole.Link, new() { Name = "Go to the imported workshop" }).ClickAsync();
        await Expect(pat.GetByRole(AriaRole.Heading, new() { Name = "Land use (Polis)" }).First).ToBeVisibleAsync();
        await pat.Context.CloseAsync();
    }

    private static async Task Upload(IPage page, string comments, string votes, string title)
    {
        await page.GetByLabel("Comments file (comments.csv)").SetInputFilesAsync(new FilePayload { Name = "comments.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(comments) });
        await page.GetByLabel("Votes file (votes.csv)").SetInputFilesAsync(new FilePayload { Name = "votes.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(votes) });
        await page.GetByLabel("Title of the imported workshop (optional)").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the conversation" }).ClickAsync();
    }
}
