using System.Net;
using System.Net.Http.Json;
using Engage.IntegrationTests.Survival;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Engage.IntegrationTests.BrowserJourneys;

/// <summary>
/// A participant who cannot use a mouse takes part with Tab, Shift+Tab, Enter and Space alone: joins, signs
/// in from the emailed link, posts, replies and votes; each control they reach shows where the focus is.
/// </summary>
[Trait("Category", "Browser")]
public sealed class when_a_participant_takes_part_with_the_keyboard_only(EngageInChromium engage, ITestOutputHelper output)
    : IClassFixture<EngageInChromium>
{
    private readonly AccessibilityAudit audit = new("keyboard", output);

    [Fact]
    public async Task they_join_sign_in_post_reply_and_vote_without_a_mouse()
    {
        // A workshop already open, where someone else has posted.
        var engagement = await ProcessEngagement.Open(engage.Host, engage.MailFolder, 1);
        using (var other = engage.Host.Client(engagement.ParticipantTokens[0]))
            Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                new { text = "Supervisors need time in their job plans too" })).StatusCode);

        var page = await engage.Person();
        await page.GotoAsync($"/take-part/{engagement.WorkshopId}");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();

        var email = $"keyboard.{engagement.WorkshopId:N}@example.org";
        await TabTo(page, page.GetByLabel("Email address"));
        await page.Keyboard.TypeAsync(email);
        await TabTo(page, page.GetByLabel(new System.Text.RegularExpressions.Regex("^I agree")));
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByLabel(new System.Text.RegularExpressions.Regex("^I agree"))).ToBeCheckedAsync();
        await TabTo(page, page.GetByRole(AriaRole.Button, new() { Name = "Join and email me a link" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Check your email for a link to sign in")).ToBeVisibleAsync();
        await audit.Check(page);

        // The link is opened from the mail app; the page it opens is used by keyboard.
        await page.GotoAsync(await engage.EmailedLink(email, @"/account/link/\S+"));
        await TabTo(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("You are taking part as")).ToBeVisibleAsync();

        await TabTo(page, page.GetByRole(AriaRole.Link, new() { Name = "Supervision", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await TabTo(page, page.GetByLabel("Your idea or comment"));
        await page.Keyboard.TypeAsync("Protected time should be written into every trainee's rota");
        await TabTo(page, page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Thank you: your contribution is posted.")).ToBeVisibleAsync();
        await audit.Check(page, "posted-by-keyboard");

        // A reply, opened from its "Reply" disclosure, then a vote with Space.
        var others = page.Locator("li.nhsuk-card").Filter(new() { HasText = "Supervisors need time in their job plans too" });
        await TabTo(page, others.Locator("summary").Filter(new() { HasText = "Reply" }));
        await page.Keyboard.PressAsync("Enter");
        await TabTo(page, others.GetByLabel("Your reply"));
        await page.Keyboard.TypeAsync("And the time should be protected from rota gaps");
        await TabTo(page, others.GetByRole(AriaRole.Button, new() { Name = "Post reply" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Thank you: your reply is posted.")).ToBeVisibleAsync();

        await TabTo(page, others.GetByRole(AriaRole.Button, new() { NameRegex = new("^Agree with") }).First);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByText("Your vote is saved.")).ToBeVisibleAsync();
        await Expect(others.GetByRole(AriaRole.Button, new() { NameRegex = new("^Agree with"), Pressed = true })).ToBeVisibleAsync();
        await audit.Check(page, "voted-by-keyboard");

        Assert.Empty(audit.Violations);
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus (the way a keyboard user gets anywhere), then
    /// checks that the focus can be seen: the NHS.UK focus style is a yellow box-shadow, an outline, or on the
    /// label's box for radios and checkboxes, whose input itself is hidden.
    /// </summary>
    private static async Task TabTo(IPage page, ILocator target, int limit = 60)
    {
        for (var presses = 1; presses <= limit; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (!await target.EvaluateAsync<bool>("e => e === document.activeElement")) continue;
            var visible = await target.EvaluateAsync<bool>("""
                e => {
                    const own = getComputedStyle(e);
                    const box = e.labels && e.labels[0] ? getComputedStyle(e.labels[0], '::before') : null;
                    const outlined = own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) > 0 && own.outlineColor !== 'rgba(0, 0, 0, 0)';
                    return own.boxShadow !== 'none' || outlined || (box !== null && box.boxShadow !== 'none');
                }
                """);
            Assert.True(visible, $"The focus on {await target.EvaluateAsync<string>("e => e.outerHTML.slice(0, 160)")} cannot be seen.");
            return;
        }
        throw new Xunit.Sdk.XunitException($"{limit} presses of Tab never reached {target} on {page.Url}.");
    }
}
