using System.Diagnostics;
using System.Text.RegularExpressions;
using Engage.Platform;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Engage.IntegrationTests.BrowserJourneys;

/// <summary>
/// One engagement's whole life, clicked through in Chromium by the people who live it: a facilitator plans a
/// seminar whose attendees share problems and place dots; programme staff open the workshop the seminar
/// agreed; participants join by their emailed links, post, reply, vote and report; a moderator decides;
/// the workshop closes; two analysts code, measure their agreement, discover themes, recommend and publish;
/// programme staff publish the report; a participant reads "what we heard". Every page shown is checked
/// with axe-core against WCAG 2.2 AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class when_an_engagement_is_lived_through_in_a_browser(EngageInChromium engage, ITestOutputHelper output)
    : IClassFixture<EngageInChromium>
{
    private readonly AccessibilityAudit audit = new("lifecycle", output);

    [Fact]
    public async Task every_step_works_from_the_pages_and_no_page_has_a_serious_accessibility_violation()
    {
        var clock = Stopwatch.StartNew();
        var seminar = await PlanAndRunTheSeminar();
        output.WriteLine($"Seminar concluded after {clock.Elapsed.TotalSeconds:F0} s.");
        var (workshop, staff) = await OpenTheWorkshop(seminar);
        var participants = await TakePart(workshop);
        await Moderate(workshop);
        await CloseTheWorkshop(staff, workshop);
        await Analyse();
        output.WriteLine($"Analysis published after {clock.Elapsed.TotalSeconds:F0} s.");
        await PublishTheReport(staff);
        await ReadWhatWeHeard(participants[0], workshop);

        output.WriteLine($"{audit.PagesChecked} pages checked with axe-core in {clock.Elapsed.TotalSeconds:F0} s; {audit.Violations.Count} serious or critical violations.");
        Assert.Empty(audit.Violations);
        Assert.True(audit.PagesChecked >= 50, $"Only {audit.PagesChecked} pages were checked.");
    }

    [Fact]
    public async Task the_audit_catches_a_page_a_screen_reader_user_could_not_use()
    {
        var page = await engage.Person();
        await page.SetContentAsync("""<html><head><title>Planted</title></head><body><main><img src="chart.png"><input type="text"></main></body></html>""");
        var planted = new AccessibilityAudit("planted", output);
        await planted.Check(page);
        Assert.Contains(planted.Violations, v => v.Contains("critical image-alt"));
        Assert.Contains(planted.Violations, v => v.Contains("critical label"));
        await page.Context.CloseAsync();
    }

    private async Task<string> PlanAndRunTheSeminar()
    {
        var fiona = await engage.SignedIn(await engage.StaffAccount("Fiona Facilitator", Roles.Facilitator));
        await fiona.GotoAsync("/seminars");
        await audit.Check(fiona);
        await fiona.GetByRole(AriaRole.Link, new() { Name = "Plan a seminar" }).ClickAsync();
        await audit.Check(fiona);
        await fiona.GetByLabel("Title", new() { Exact = true }).FillAsync("Training in the NHS");
        await fiona.GetByLabel("Purpose").FillAsync("Frame the problems of training that the national conversation will explore");
        await fiona.GetByLabel("Date and time (UTC)").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd'T'10:00"));
        await fiona.GetByLabel("Online", new() { Exact = true }).CheckAsync();
        await fiona.GetByLabel("Venue").FillAsync("Online");
        await fiona.GetByLabel("Interest groups that must be represented").FillAsync("Nursing\nEmployers");
        await fiona.GetByLabel("Dots each attendee may place").FillAsync("3");
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Plan the seminar" }).ClickAsync();
        await fiona.WaitForURLAsync(new Regex("/seminars/[0-9a-f-]{36}$"));
        var seminar = fiona.Url.Split('/').Last();
        await audit.Check(fiona, "seminar-overview");

        // The invitees, each invited by email to a personal page.
        await fiona.GetByRole(AriaRole.Link, new() { Name = "Invitees and register" }).ClickAsync();
        var attendees = new[] { ("Nia", "Nursing"), ("Eve", "Employers") }
            .Select(a => (Name: a.Item1, Group: a.Item2, Email: $"{a.Item1.ToLowerInvariant()}.{seminar}@example.org")).ToList();
        foreach (var (name, group, email) in attendees)
        {
            await fiona.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await fiona.GetByLabel("Email address").FillAsync(email);
            await fiona.GetByLabel("Organisation").FillAsync("Northern Trust");
            await fiona.GetByLabel("Interest group").SelectOptionAsync(group);
            await fiona.GetByRole(AriaRole.Button, new() { Name = "Add invitee" }).ClickAsync();
            await Expect(fiona.GetByRole(AriaRole.Cell, new() { Name = email })).ToBeVisibleAsync();
        }
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Send invitations to the new invitees" }).ClickAsync();
        await audit.Check(fiona, "seminar-invitees");

        var problems = new Dictionary<string, string>
        {
            ["Nia"] = "Trainees get no protected time for supervision on busy wards",
            ["Eve"] = "Rotas are published too late for trainees to plan their lives"
        };
        var pages = new Dictionary<string, IPage>();
        var links = new Dictionary<string, string>();
        foreach (var (name, _, email) in attendees)
        {
            var page = pages[name] = await engage.Person();
            await page.GotoAsync(links[name] = await engage.EmailedLink(email, $@"/seminars/{seminar}/attend/\S+"));
            await audit.Check(page, name == "Nia" ? "seminar-attendee" : null);
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, I will come" }).ClickAsync();
            await Expect(page.GetByText("Your reply: Yes, I will come")).ToBeVisibleAsync();
            await page.GetByLabel("The problem").FillAsync(problems[name]);
            await page.GetByLabel("Who is affected (optional)").FillAsync("Trainees");
            await page.GetByRole(AriaRole.Button, new() { Name = "Share the problem" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await audit.Check(page);
        }

        // On the day: the register, then the statements grouped into candidate themes with questions for the crowd.
        await fiona.GotoAsync($"/seminars/{seminar}/invitees");
        foreach (var (name, _, _) in attendees) await fiona.GetByLabel($"{name} attended").CheckAsync();
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Save the register" }).ClickAsync();
        await audit.Check(fiona);
        await fiona.GetByRole(AriaRole.Link, new() { Name = "Problems", Exact = true }).ClickAsync();
        await audit.Check(fiona, "seminar-problems");
        foreach (var (theme, problem) in new[] { ("Supervision", problems["Nia"]), ("Rotas", problems["Eve"]) })
        {
            await fiona.GotoAsync($"/seminars/{seminar}/problems");
            await fiona.GetByLabel(problem).CheckAsync();
            await fiona.GetByLabel("Theme title").FillAsync(theme);
            await fiona.GetByLabel("Description", new() { Exact = true }).FillAsync($"What trainees told us about {theme.ToLowerInvariant()}");
            await fiona.GetByRole(AriaRole.Button, new() { Name = "Make a theme of the ticked statements" }).ClickAsync();
            await fiona.WaitForURLAsync($"**/seminars/{seminar}/themes");
            await Expect(fiona.GetByRole(AriaRole.Heading, new() { Name = theme })).ToBeVisibleAsync();
        }
        foreach (var theme in new[] { "Supervision", "Rotas" })
        {
            await fiona.GetByText($"Change {theme}").ClickAsync();
            await fiona.GetByLabel("Questions for the crowd, one a line").Filter(new() { Visible = true }).FillAsync($"What would make {theme.ToLowerInvariant()} work for trainees?");
            await fiona.GetByRole(AriaRole.Button, new() { Name = $"Save {theme}" }).ClickAsync();
            await Expect(fiona.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"What would make {theme.ToLowerInvariant()} work for trainees?" })).ToBeVisibleAsync();
        }

        // The attendees place their dots.
        foreach (var (name, dots) in new[] { ("Nia", (3, 0)), ("Eve", (2, 1)) })
        {
            var page = pages[name];
            await page.GotoAsync(links[name]);
            await page.GetByLabel("Supervision").FillAsync(dots.Item1.ToString());
            await page.GetByLabel("Rotas").FillAsync(dots.Item2.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Save my dots" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await audit.Check(page, name == "Nia" ? "seminar-dots" : null);
            await page.Context.CloseAsync();
        }

        // The room agrees both themes, which concludes the seminar and drafts the workshop.
        await fiona.GotoAsync($"/seminars/{seminar}/themes");
        await Expect(fiona.GetByLabel("Supervision (5 dots)")).ToBeVisibleAsync();
        await audit.Check(fiona, "seminar-themes");
        await fiona.GetByLabel("Supervision (5 dots)").CheckAsync();
        await fiona.GetByLabel("Rotas (1 dots)").CheckAsync();
        await fiona.GetByRole(AriaRole.Button, new() { Name = "Conclude the seminar" }).ClickAsync();
        await fiona.WaitForURLAsync($"**/seminars/{seminar}/summary");
        await Expect(fiona.GetByRole(AriaRole.Heading, new() { Name = "Supervision Agreed" })).ToBeVisibleAsync();
        await audit.Check(fiona, "seminar-summary");
        // The seminar's record, downloaded by the facilitator through the page's own links.
        var problemsCsv = await Downloads.Follow(fiona, fiona.GetByRole(AriaRole.Link, new() { Name = "Problem statements (CSV)" }));
        Assert.StartsWith("problem_id,text,", problemsCsv.Text);
        var dotsCsv = await Downloads.Follow(fiona, fiona.GetByRole(AriaRole.Link, new() { Name = "Votes (CSV)" }));
        Assert.StartsWith("theme_id,theme,interest_group,attendee,dots", dotsCsv.Text);
        await fiona.Context.CloseAsync();
        return "Training in the NHS";
    }

    private async Task<(string Workshop, IPage Staff)> OpenTheWorkshop(string title)
    {
        var pat = await engage.SignedIn(await engage.StaffAccount("Pat Programme", Roles.ProgrammeStaff));
        var link = pat.GetByRole(AriaRole.Link, new() { Name = title });
        await EngageInChromium.VisitUntil(pat, "/workshops", link, "workshop drafted from the concluded seminar");
        await audit.Check(pat);
        await link.ClickAsync();
        await pat.WaitForURLAsync(new Regex("/workshops/[0-9a-f-]{36}$"));
        var workshop = pat.Url.Split('/').Last();
        await audit.Check(pat);

        await pat.GetByRole(AriaRole.Link, new() { Name = "Set up" }).ClickAsync();
        await audit.Check(pat, "workshop-setup");
        await pat.GetByLabel("Introduction").FillAsync("Tell us what would make training work for you, and say what you think of others' ideas.");
        await pat.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await pat.GotoAsync($"/workshops/{workshop}");
        await pat.GetByRole(AriaRole.Button, new() { Name = "Open now" }).ClickAsync();
        await Expect(pat.GetByText("The workshop is open.")).ToBeVisibleAsync();
        await audit.Check(pat, "workshop-staff");
        return (workshop, pat);
    }

    private static readonly string[] Ideas =
    [
        "Give every trainee two protected hours a week with a named supervisor",
        "Publish rotas eight weeks ahead so trainees can plan childcare",
        "Let trainees swap shifts through an app that their supervisor approves"
    ];

    /// <summary>Three participants join by their emailed links; each posts, and they reply to, vote on and report what others wrote.</summary>
    private async Task<IReadOnlyList<IPage>> TakePart(string workshop)
    {
        var people = new List<IPage>();
        for (var n = 0; n < Ideas.Length; n++)
        {
            var page = await engage.Person();
            await page.GotoAsync("/take-part");
            await audit.Check(page, n == 0 ? "take-part" : null);
            await page.GetByRole(AriaRole.Link, new() { Name = "Training in the NHS" }).ClickAsync();
            await audit.Check(page, n == 0 ? "workshop-join" : null);
            var email = $"participant{n}.{workshop}@example.org";
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Show my profession next to what I write").CheckAsync();
            await page.GetByLabel(new Regex("^I agree")).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Join and email me a link" }).ClickAsync();
            await Expect(page.GetByText("Check your email for a link to sign in")).ToBeVisibleAsync();
            await audit.Check(page);

            await page.GotoAsync(await engage.EmailedLink(email, @"/account/link/\S+"));
            await audit.Check(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(new Regex($"/take-part/{workshop}"));
            await Expect(page.GetByText("You are taking part as")).ToBeVisibleAsync();
            await audit.Check(page, n == 0 ? "workshop-signed-in" : null);
            if (n == 0)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Your data" }).ClickAsync();
                await audit.Check(page, "participant-data");
                await page.GoBackAsync();
            }

            await page.GetByRole(AriaRole.Link, new() { Name = n == 1 ? "Rotas" : "Supervision", Exact = true }).ClickAsync();
            await page.GetByLabel("Your idea or comment").FillAsync(Ideas[n]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
            await Expect(page.GetByText("Thank you: your contribution is posted.")).ToBeVisibleAsync();
            await audit.Check(page, n == 0 ? "workshop-theme" : null);
            people.Add(page);
        }

        // The third replies to and agrees with the first; the first disagrees with the third; the second reports the third.
        var third = people[2];
        var first = Contribution(third, Ideas[0]);
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Agree") }).ClickAsync();
        await Expect(Contribution(third, Ideas[0]).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Agree"), Pressed = true })).ToBeVisibleAsync();
        await Contribution(third, Ideas[0]).GetByText(new Regex("^Reply")).First.ClickAsync();
        await Contribution(third, Ideas[0]).GetByLabel("Your reply").FillAsync("Yes, and the hours should be in the rota, not squeezed in after a shift");
        await Contribution(third, Ideas[0]).GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(third.GetByText("Thank you: your reply is posted.")).ToBeVisibleAsync();
        await audit.Check(third, "workshop-conversation");

        var firstPerson = people[0];
        await OpenTheme(firstPerson, workshop, "Supervision");
        await Contribution(firstPerson, Ideas[2]).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Disagree") }).ClickAsync();
        await Expect(firstPerson.GetByText("Your vote is saved.")).ToBeVisibleAsync();

        var second = people[1];
        await OpenTheme(second, workshop, "Supervision");
        await Contribution(second, Ideas[2]).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Agree") }).ClickAsync();
        await Contribution(second, Ideas[2]).GetByText(new Regex("^Report")).First.ClickAsync();
        await Contribution(second, Ideas[2]).GetByLabel("Why should a moderator look at this?").FillAsync("It names a product, which may be advertising");
        await Contribution(second, Ideas[2]).GetByRole(AriaRole.Button, new() { Name = "Report to a moderator" }).ClickAsync();
        await Expect(second.GetByText("A moderator will look at the contribution you flagged.")).ToBeVisibleAsync();
        await audit.Check(second);
        return people;
    }

    private static async Task OpenTheme(IPage page, string workshop, string theme)
    {
        await page.GotoAsync($"/take-part/{workshop}");
        await page.GetByRole(AriaRole.Link, new() { Name = theme, Exact = true }).ClickAsync();
    }

    /// <summary>A thread on a theme's page: the contribution, its votes, replies and forms.</summary>
    private static ILocator Contribution(IPage page, string text) =>
        page.Locator("li.nhsuk-card").Filter(new() { Has = page.GetByText(text, new() { Exact = true }) });

    private async Task Moderate(string workshop)
    {
        var mo = await engage.SignedIn(await engage.StaffAccount("Mo Moderator", Roles.Moderator));
        await mo.GotoAsync("/moderation");
        await audit.Check(mo);
        await mo.GetByRole(AriaRole.Link, new() { Name = "Training in the NHS" }).ClickAsync();
        await mo.WaitForURLAsync($"**/workshops/{workshop}/moderation");
        await audit.Check(mo, "moderation");
        await mo.GetByLabel("Keep it").CheckAsync();
        await mo.GetByLabel(new Regex("^Reason")).FillAsync("Suggests a tool, does not advertise one");
        await mo.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(mo.GetByText("Nothing is waiting.")).ToBeVisibleAsync();
        await audit.Check(mo);
        await mo.Context.CloseAsync();
    }

    private async Task CloseTheWorkshop(IPage pat, string workshop)
    {
        await pat.GotoAsync($"/workshops/{workshop}");
        await pat.GetByRole(AriaRole.Button, new() { Name = "Close now" }).ClickAsync();
        await Expect(pat.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Close .* now\\?$") })).ToBeVisibleAsync();
        await audit.Check(pat);
        await pat.GetByRole(AriaRole.Button, new() { Name = "Yes, close it now" }).ClickAsync();
        await Expect(pat.GetByText("The workshop is closed")).ToBeVisibleAsync();
        await audit.Check(pat);
    }

    /// <summary>
    /// Two analysts build a codebook, code every item, double-code a sample blind and read their agreement,
    /// run theme discovery, star a quote, write a recommendation and publish the analysis.
    /// </summary>
    private async Task Analyse()
    {
        var ann = await engage.SignedIn(await engage.StaffAccount("Ann Analyst", Roles.Analyst));
        var raj = await engage.SignedIn(await engage.StaffAccount("Raj Analyst", Roles.Analyst));
        var corpusLink = ann.GetByRole(AriaRole.Link, new() { Name = "Workshop contributions" });
        await EngageInChromium.VisitUntil(ann, "/analysis", corpusLink, "corpus of the workshop's contributions");
        await audit.Check(ann, "analysis");
        await corpusLink.ClickAsync();
        await ann.WaitForURLAsync(new Regex("/analysis/[0-9a-f-]{36}$"));
        var corpus = ann.Url.TrimEnd('/');
        // Every contribution and the reply reach Analysis through the outbox.
        await EngageInChromium.VisitUntil(ann, corpus, ann.Locator("#count-items", new() { HasText = "4" }), "four items in the corpus");
        await audit.Check(ann, "analysis-corpus");

        await ann.GotoAsync($"{corpus}/codebook");
        await audit.Check(ann);
        foreach (var (name, definition) in new[] { ("Protected time", "Time set aside for training or supervision"), ("Rota planning", "When and how rotas are made") })
        {
            await ann.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await ann.GetByLabel("Definition").FillAsync(definition);
            await ann.GetByRole(AriaRole.Button, new() { Name = "Add the code", Exact = true }).ClickAsync();
            await Expect(ann.GetByRole(AriaRole.Rowheader, new() { Name = name })).ToBeVisibleAsync();
        }
        await audit.Check(ann, "analysis-codebook");

        // Ann draws a sample of two items for both analysts to code blind.
        await ann.GotoAsync($"{corpus}/reliability");
        await audit.Check(ann);
        await ann.GetByLabel("Ann Analyst").CheckAsync();
        await ann.GetByLabel("Raj Analyst").CheckAsync();
        await ann.GetByLabel("Number of items").FillAsync("2");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        await Expect(ann.GetByText("Ann Analyst: 0 of 2 coded")).ToBeVisibleAsync();

        // Each analyst follows the reliability page's link to their own sample items and codes each one by typing
        // part of a code's name; coding an item is what counts it done.
        foreach (var analyst in new[] { ann, raj })
        {
            await analyst.GotoAsync($"{corpus}/reliability");
            await analyst.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Code your 2 remaining items") }).ClickAsync();
            await audit.Check(analyst, analyst == ann ? "analysis-code" : null);
            var name = analyst == ann ? "Ann" : "Raj";
            foreach (var id in await analyst.Locator(".coding-item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.item)"))
            {
                // Raj reads every item as being about protected time, so the two may disagree.
                var rota = analyst == ann && (await analyst.Locator($"#text-{id}").InnerTextAsync()).Contains("rota", StringComparison.OrdinalIgnoreCase);
                await analyst.Locator($"#code-{id}").FillAsync(rota ? "Rota planning" : "Protected time");
                await analyst.Locator($"#code-{id}").PressAsync("Enter");
                await Expect(analyst.Locator($"#item-{id} .coding-chip")).ToContainTextAsync($"by {name} Analyst");
            }
            await analyst.GotoAsync($"{corpus}/reliability");
            await Expect(analyst.GetByText("You have finished this sample.")).ToBeVisibleAsync();
        }
        await raj.Context.CloseAsync();
        await ann.GotoAsync($"{corpus}/reliability");
        // Two items may be too few for alpha (when both analysts applied one code only); the page then says why.
        await Expect(ann.Locator("#overall-agreement, #reliability-unavailable")).ToBeVisibleAsync();
        await audit.Check(ann, "analysis-reliability");

        // Ann codes the rest, and stars the first idea as a quote from the item's own page.
        await ann.GotoAsync($"{corpus}/code?uncoded=true");
        foreach (var id in await ann.Locator(".coding-item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.item)"))
        {
            var rota = (await ann.Locator($"#text-{id}").InnerTextAsync()).Contains("rota", StringComparison.OrdinalIgnoreCase);
            await ann.Locator($"#code-{id}").FillAsync(rota ? "Rota planning" : "Protected time");
            await ann.Locator($"#code-{id}").PressAsync("Enter");
            await Expect(ann.Locator($"#item-{id} .coding-chip")).ToContainTextAsync("by Ann Analyst");
        }
        await ann.GotoAsync($"{corpus}/code");
        await ann.Locator(".coding-item").Filter(new() { HasText = Ideas[0] }).GetByRole(AriaRole.Link).First.ClickAsync();
        await ann.GetByLabel(new Regex("^Why it is worth quoting")).FillAsync("Says plainly what protected time would look like");
        await ann.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Star") }).ClickAsync();
        await Expect(ann.GetByText("Starred as a quote").First).ToBeVisibleAsync();

        await ann.GotoAsync($"{corpus}/findings");
        await audit.Check(ann, "analysis-findings");
        foreach (var section in new[] { "Opinion groups", "Suggested codes", "Settings" })
        {
            await ann.GetByRole(AriaRole.Navigation, new() { Name = "Corpus sections" }).GetByRole(AriaRole.Link, new() { Name = section }).ClickAsync();
            await Expect(ann.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await audit.Check(ann);
        }

        // Theme discovery runs off the request; its page follows the run until the candidate themes are found.
        await ann.GotoAsync($"{corpus}/themes");
        await audit.Check(ann);
        await ann.GetByLabel("Number of themes (optional)").FillAsync("2");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Find themes" }).ClickAsync();
        await ann.WaitForURLAsync(new Regex("/themes/[0-9a-f-]{36}$"));
        await Expect(ann.GetByText(new Regex("^Done: 2 candidate themes"))).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await audit.Check(ann, "analysis-candidate-themes");

        await ann.GotoAsync($"{corpus}/recommendations");
        await audit.Check(ann);
        await ann.GetByLabel("Title", new() { Exact = true }).FillAsync("Protect two hours of supervision a week");
        await ann.GetByLabel("What should be done, and why").FillAsync("Trainees asked for time with a named supervisor that a busy ward cannot take away.");
        await ann.GetByLabel("High").CheckAsync();
        await ann.GetByRole(AriaRole.Group, new() { Name = "Codes it rests on" }).GetByLabel("Protected time").CheckAsync();
        await ann.GetByRole(AriaRole.Group, new() { Name = "Quotes that illustrate it" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await ann.GetByRole(AriaRole.Button, new() { Name = "Save the recommendation" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = "Protect two hours of supervision a week" })).ToBeVisibleAsync();
        await ann.GetByLabel("Title of the publication (optional)").FillAsync("What we heard about training");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Publish the analysis" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = "Publish \"What we heard about training\"?" })).ToBeVisibleAsync();
        await Expect(ann.GetByText("Participants see nothing until programme staff publish the report", new() { Exact = false })).ToBeVisibleAsync();
        await audit.Check(ann, "confirm-publish-analysis");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Yes, publish the analysis" }).ClickAsync();
        await EngageInChromium.VisitUntil(ann, $"{corpus}/recommendations", ann.Locator("#publications-table").GetByText(new Regex("^Published")), "published analysis");
        await audit.Check(ann, "analysis-recommendations");
        await ann.Context.CloseAsync();
    }

    private async Task PublishTheReport(IPage pat)
    {
        var draft = pat.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^What we heard about training") });
        await EngageInChromium.VisitUntil(pat, "/reports", draft, "draft report drafted from the published analysis");
        await audit.Check(pat, "reports");
        await draft.ClickAsync();
        await Expect(pat.GetByRole(AriaRole.Heading, new() { Name = "Protect two hours of supervision a week" })).ToBeVisibleAsync();
        await audit.Check(pat, "report-draft");

        // Programme staff proof every file of the draft with their sign-in, through the links on its page.
        await pat.GotoAsync("/reports");
        await audit.Check(pat);
        await pat.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Narrative, versions and progress") }).First.ClickAsync();
        await Expect(pat.GetByRole(AriaRole.Heading, new() { Name = "Download" })).ToBeVisibleAsync();
        var page = await Downloads.Follow(pat, pat.GetByRole(AriaRole.Link, new() { Name = "The report as a web page" }));
        Assert.Contains("Protect two hours of supervision a week", page.Text);
        var pdf = await Downloads.Follow(pat, pat.GetByRole(AriaRole.Link, new() { Name = "PDF for print" }));
        Assert.StartsWith("%PDF", pdf.Text);
        foreach (var name in new[] { "Word document to edit", "Data tables (Excel)" })
            Assert.StartsWith("PK", (await Downloads.Follow(pat, pat.GetByRole(AriaRole.Link, new() { Name = name }))).Text);
        var tables = pat.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "or as CSV" }).GetByRole(AriaRole.Link);
        Assert.True(await tables.CountAsync() >= 5, "the data tables are each offered as CSV");
        for (var i = 0; i < await tables.CountAsync(); i++)
            Assert.Contains(",", (await Downloads.Follow(pat, tables.Nth(i))).Text);

        // Publishing is on the report's own page only, and asks first.
        await pat.GotoAsync("/reports");
        await Expect(pat.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publish") })).ToHaveCountAsync(0);
        await pat.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Narrative, versions and progress") }).First.ClickAsync();
        await pat.GetByRole(AriaRole.Button, new() { Name = "Publish as version 1" }).ClickAsync();
        await Expect(pat.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("as version 1\\?$") })).ToBeVisibleAsync();
        await Expect(pat.GetByText("Who will see it:")).ToBeVisibleAsync();
        await audit.Check(pat, "confirm-publish-report");
        await pat.GetByRole(AriaRole.Button, new() { Name = "Yes, publish version 1" }).ClickAsync();
        await Expect(pat.GetByText("The report is published")).ToBeVisibleAsync();
        await Expect(pat.GetByText("Version 1 published")).ToBeVisibleAsync();
        await audit.Check(pat);
        await pat.Context.CloseAsync();
    }

    private async Task ReadWhatWeHeard(IPage participant, string workshop)
    {
        await EngageInChromium.VisitUntil(participant, $"/take-part/{workshop}/what-we-heard", participant.GetByRole(AriaRole.Heading, new() { Name = "You said" }), "published report on \"what we heard\"");
        await Expect(participant.GetByText("Protect two hours of supervision a week")).ToBeVisibleAsync();
        await audit.Check(participant, "what-we-heard");
        await participant.GetByRole(AriaRole.Link, new() { Name = "Read the full report" }).ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Heading, new() { Name = "Protect two hours of supervision a week" })).ToBeVisibleAsync();
        await audit.Check(participant, "report-published");
    }
}
