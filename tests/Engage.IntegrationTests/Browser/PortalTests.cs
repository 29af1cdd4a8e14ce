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
/// The portal as its people find it, under the real content security policy: every door in the header and
/// what waits behind it on the start page; a refused download answered with a page; an early close that
/// asks first and can be taken back; a participant on a phone whose mistake is summarised at the top and
/// reached with the keyboard; and the audit that fails on anything the browser complains of.
/// </summary>
[Trait("Category", "Browser")]
public sealed class when_people_find_their_way_round_the_portal(EngageInChromium engage, ITestOutputHelper output)
    : IClassFixture<EngageInChromium>
{
    private readonly AccessibilityAudit audit = new("portal", output);

    [Fact]
    public async Task each_role_sees_its_doors_what_waits_for_it_and_a_confirmation_before_closing_early()
    {
        var engagement = await ProcessEngagement.Open(engage.Host, engage.MailFolder, 1, () => new
        {
            title = "Training in the NHS", closesAt = DateTimeOffset.UtcNow.AddDays(2).AddHours(1), moderation = "Post", minimumGroupSize = 5
        });
        // A post with an email address in it waits for a moderator.
        using (var participant = engage.Host.Client(engagement.ParticipantTokens[0]))
            Assert.Equal(HttpStatusCode.Created, (await participant.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                new { text = "Write to me at someone@example.org about supervision" })).StatusCode);

        var admin = await SignedInAdmin();
        var menu = admin.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        // On a narrow screen the design system folds the last doors into "More"; they are there all the same.
        foreach (var door in new[] { "Seminars", "Workshops", "Moderation", "Analysis", "Reports", "Accounts", "Mail", "Jobs" })
            await Expect(menu.Locator($"a[href='{DoorOf(door)}']").First).ToBeAttachedAsync();
        var next = admin.Locator("#next-steps");
        await Expect(next.GetByRole(AriaRole.Link, new() { Name = "1 contribution in Training in the NHS waits for a moderator" })).ToBeVisibleAsync();
        await Expect(next.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Training in the NHS closes in 3 days") })).ToBeVisibleAsync();
        await audit.Check(admin, "start-page-admin");
        foreach (var door in new[] { "/admin/accounts", "/admin/mail", "/moderation" })
        {
            await admin.GotoAsync(door);
            await audit.Check(admin);
        }

        // A moderator's header offers moderation and nothing of the other stages.
        var moderator = await engage.SignedIn(await engage.StaffAccount("Mo Moderator", Roles.Moderator));
        var moderatorMenu = moderator.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        await Expect(moderatorMenu.GetByRole(AriaRole.Link, new() { Name = "Moderation" })).ToBeVisibleAsync();
        await Expect(moderatorMenu.GetByRole(AriaRole.Link, new() { Name = "Reports" })).ToHaveCountAsync(0);
        await Expect(moderator.Locator("#next-steps").GetByRole(AriaRole.Link, new() { Name = "1 contribution in Training in the NHS waits for a moderator" })).ToBeVisibleAsync();
        await audit.Check(moderator, "start-page-moderator");
        await moderator.Context.CloseAsync();

        // Closing early asks first, says what happens and who sees it, and can be taken back.
        await admin.GotoAsync($"/workshops/{engagement.WorkshopId}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close now" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Close Training in the NHS now?" })).ToBeVisibleAsync();
        await Expect(admin.GetByText("Participants can no longer post, reply or vote.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(admin.GetByText("Who will see it:")).ToBeVisibleAsync();
        await audit.Check(admin, "confirm-close");
        await admin.GetByRole(AriaRole.Link, new() { Name = "No, go back" }).ClickAsync();
        await Expect(admin.GetByText("Status: Open", new() { Exact = false })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close now" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Yes, close it now" }).ClickAsync();
        await Expect(admin.GetByText("you can reopen it until an analysis of it is published", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(admin.GetByText("Status: Closed", new() { Exact = false })).ToBeVisibleAsync();
        await audit.Check(admin, "workshop-closed-early");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Reopen" }).ClickAsync();
        await Expect(admin.GetByText("The workshop is open again", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(admin.GetByText("Status: Open", new() { Exact = false })).ToBeVisibleAsync();
        await audit.Check(admin);
        await admin.Context.CloseAsync();

        Assert.Empty(audit.Violations);
    }

    [Fact]
    public async Task a_download_link_that_is_refused_answers_with_a_page_and_the_api_still_takes_bearer_tokens()
    {
        var report = Guid.NewGuid();
        // Not signed in: the sign-in page, then back to the file.
        var stranger = await engage.Person();
        await stranger.GotoAsync($"/api/reports/{report}/report.pdf");
        await Expect(stranger).ToHaveURLAsync(new Regex("/account/signin"));
        await audit.Check(stranger);
        await stranger.Context.CloseAsync();

        // Signed in without a role that reads reports: the NHS "no access" page, not JSON.
        var facilitator = await engage.SignedIn(await engage.StaffAccount("Fay Facilitator", Roles.Facilitator));
        var refused = await facilitator.GotoAsync($"/api/reports/{report}/data/themes.csv");
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        Assert.DoesNotContain("\"status\"", await facilitator.ContentAsync());
        await audit.Check(facilitator, "download-refused");
        await facilitator.Context.CloseAsync();

        // A reader asking for a report that does not exist: a page that says so.
        var staff = await engage.SignedIn(await engage.StaffAccount("Pat Programme", Roles.ProgrammeStaff));
        var missing = await staff.GotoAsync($"/api/reports/{report}/report.docx");
        Assert.Equal(404, missing!.Status);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await audit.Check(staff);
        await staff.Context.CloseAsync();

        // A script: no token is a 401 ProblemDetails; a token reads the file's answer as JSON.
        using var anonymous = engage.Host.Client();
        var challenged = await anonymous.GetAsync($"/api/reports/{report}/report.docx");
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.Equal("application/problem+json", challenged.Content.Headers.ContentType?.MediaType);
        using var api = engage.Host.Client(await engage.Token(EngageHost.AdminEmail, EngageHost.AdminPassword));
        var notFound = await api.GetAsync($"/api/reports/{report}/report.docx");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
        Assert.Empty(audit.Violations);
    }

    [Fact]
    public async Task a_participant_on_a_phone_is_taken_from_the_error_summary_to_the_field_in_error_by_keyboard()
    {
        var engagement = await ProcessEngagement.Open(engage.Host, engage.MailFolder, 1);
        Guid contribution;
        using (var other = engage.Host.Client(engagement.ParticipantTokens[0]))
        {
            var posted = await other.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                new { text = "Rotas should leave room for supervision" });
            contribution = (await posted.Read<JsonElement>()).GetProperty("id").GetGuid();
            // The API says the same plain words, and names the field.
            var flagged = await other.PostAsJsonAsync($"/api/contributions/{contribution}/flags", new { reason = "  " });
            Assert.Equal(HttpStatusCode.BadRequest, flagged.StatusCode);
            var problem = JsonDocument.Parse(await flagged.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Enter a reason for reporting this post", problem.GetProperty("detail").GetString());
            Assert.Equal("Enter a reason for reporting this post", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        }

        var phone = await engage.Person(390, 844);
        var email = $"phone.{engagement.WorkshopId:N}@example.org";
        await phone.GotoAsync($"/take-part/{engagement.WorkshopId}");
        await phone.GetByLabel("Email address").FillAsync(email);
        await phone.GetByLabel(new Regex("^I agree")).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Join and email me a link" }).ClickAsync();
        await phone.GotoAsync(await engage.EmailedLink(email, @"/account/link/\S+"));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "Supervision", Exact = true }).ClickAsync();

        var post = phone.Locator("li.nhsuk-card").Filter(new() { HasText = "Rotas should leave room for supervision" });
        await post.Locator("summary").Filter(new() { HasText = "Report" }).ClickAsync();
        await post.GetByRole(AriaRole.Button, new() { Name = "Report to a moderator" }).ClickAsync();

        // The summary is first and has the focus; its link leads to the field, which is open, visible and focused.
        var summary = phone.Locator(".nhsuk-error-summary");
        await Expect(summary).ToBeFocusedAsync();
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "Enter a reason for reporting this post" });
        await phone.Keyboard.PressAsync("Tab");
        await Expect(link).ToBeFocusedAsync();
        await phone.Keyboard.PressAsync("Enter");
        var field = phone.Locator($"#flag-{contribution}");
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToBeInViewportAsync();
        await Expect(phone.Locator($"#flag-{contribution}-error")).ToContainTextAsync("Enter a reason for reporting this post");
        await audit.Check(phone, "phone-error-summary");

        await phone.Keyboard.TypeAsync("It names a colleague");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.GetByText("A moderator will look at the contribution you flagged", new() { Exact = false })).ToBeVisibleAsync();
        await audit.Check(phone);
        Assert.Empty(audit.Violations);
    }

    [Fact]
    public async Task the_audit_fails_on_what_the_content_security_policy_blocks()
    {
        var page = await engage.Person();
        await page.GotoAsync("/");
        var planted = new AccessibilityAudit("planted-csp", output);
        // A script from another site, as injected markup would add it: the real policy refuses it.
        var reported = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.StartsWith("Content security policy violation") });
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.src = 'https://cdn.example.org/tracker.js'; document.body.append(s); }");
        await reported;
        await planted.Check(page);
        Assert.Contains(planted.Violations, v => v.Contains("script-src") && v.Contains("cdn.example.org"));
        await page.Context.CloseAsync();
    }

    private static string DoorOf(string name) => name switch
    {
        "Accounts" => "/admin/accounts", "Mail" => "/admin/mail", "Jobs" => "/admin/jobs", _ => "/" + name.ToLowerInvariant()
    };

    private async Task<IPage> SignedInAdmin()
    {
        var page = await engage.Person();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email address").FillAsync(EngageHost.AdminEmail);
        await page.GetByLabel("Password").FillAsync(EngageHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));
        return page;
    }
}
