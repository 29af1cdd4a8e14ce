using System.Net;
using System.Net.Http.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform.Accounts;

namespace Engage.IntegrationTests.Security;

public class when_someone_guesses_a_staff_password(EngageHost engage) : EngageTest(engage)
{
    private static IEnumerable<KeyValuePair<string, string>> Fields(string password) =>
        [new("email", EngageHost.AdminEmail), new("password", password)];

    [Fact]
    public async Task the_sign_in_page_locks_the_account_after_repeated_failures_and_says_no_more_than_before()
    {
        var guesser = new Browser(Host);
        string? firstAnswer = null;
        for (var i = 0; i < StaffAccount.MaxFailedAttempts; i++)
        {
            var wrong = await guesser.SubmitForm("/account/signin", Fields("guess-" + i));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            firstAnswer ??= Message(await wrong.Content.ReadAsStringAsync());
        }

        var right = await guesser.SubmitForm("/account/signin", Fields(EngageHost.AdminPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        // Locked looks exactly like wrong: the guesser learns neither that the account exists nor that it is locked.
        Assert.Equal(firstAnswer, Message(await right.Content.ReadAsStringAsync()));
        Assert.Contains(StaffSignIn.Failed, firstAnswer);
    }

    [Fact]
    public async Task the_page_and_the_api_count_failures_against_the_same_account()
    {
        var guesser = new Browser(Host);
        for (var i = 0; i < StaffAccount.MaxFailedAttempts - 1; i++)
            await guesser.SubmitForm("/account/signin", Fields("guess-" + i));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Engage.Client().PostAsJsonAsync("/api/auth/token", new { email = EngageHost.AdminEmail, password = "one-more-guess" })).StatusCode);

        var right = await Engage.Client().PostAsJsonAsync("/api/auth/token", new { email = EngageHost.AdminEmail, password = EngageHost.AdminPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    private static string Message(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "nhsuk-error-summary__body\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
}

public class when_a_sign_in_link_is_abused(EngageHost engage) : EngageTest(engage)
{
    private Task<HttpResponseMessage> Exchange(string linkToken) =>
        Engage.Client().PostAsJsonAsync("/api/auth/participant-token", new { linkToken });

    [Fact]
    public async Task an_expired_link_signs_no_one_in_on_the_page_or_the_api()
    {
        var expired = await Caller.SignInLinkFor(Engage, "pat@example.org", TimeSpan.FromSeconds(-1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Exchange(expired)).StatusCode);
        var page = await new Browser(Host).Get($"/account/link/{expired}");
        Assert.Contains("expired or has already been used", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Sign in</button>", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_link_used_on_the_page_cannot_be_used_again_through_the_api_or_the_other_way_round()
    {
        var first = await Caller.SignInLinkFor(Engage, "pat@example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await new Browser(Host).SubmitForm($"/account/link/{first}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Exchange(first)).StatusCode);

        var second = await Caller.SignInLinkFor(Engage, "pat@example.org");
        var browser = new Browser(Host);
        // The page is opened, then the link is used by the API before its button is pressed.
        var form = await (await browser.Get($"/account/link/{second}")).Content.ReadAsStringAsync();
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await Exchange(second)).StatusCode);
        var pressed = await browser.Http.PostAsync($"/account/link/{second}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(antiforgery))]));
        Assert.Equal(HttpStatusCode.BadRequest, pressed.StatusCode);
    }

    [Fact]
    public async Task a_link_used_many_times_at_once_signs_in_exactly_once()
    {
        var token = await Caller.SignInLinkFor(Engage, "pat@example.org");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Exchange(token)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK),
            a => Assert.True(a.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
    }

    [Fact]
    public async Task a_guessed_or_malformed_token_is_refused_without_a_hint()
    {
        foreach (var guess in new[] { "x", new string('a', 43), new string('a', 5000), "../../etc/passwd", "' OR 1=1 --" })
        {
            var response = await Exchange(guess);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"{guess}: {(int)response.StatusCode}");
        }
    }
}

public class when_a_staff_account_changes_after_its_token_was_issued(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task disabling_the_account_or_changing_its_roles_ends_the_tokens_issued_before()
    {
        var admin = Engage.Client(await Engage.TokenFor(global::Engage.Platform.Roles.Admin));
        var created = await (await admin.PostAsJsonAsync("/api/admin/accounts",
            new CreateStaffAccount("analyst@engage.test", "An Analyst", [global::Engage.Platform.Roles.Analyst], "analyst-password-1"))).Read<CreatedAccount>();
        var analyst = Engage.Client(await Engage.Token("analyst@engage.test", "analyst-password-1"));
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/analysis/corpora")).StatusCode);

        (await admin.PutAsJsonAsync($"/api/admin/accounts/{created.Id}",
            new UpdateStaffAccount("An Analyst", [global::Engage.Platform.Roles.Facilitator], false, null))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await analyst.GetAsync("/api/analysis/corpora")).StatusCode);

        var facilitator = Engage.Client(await Engage.Token("analyst@engage.test", "analyst-password-1"));
        Assert.Equal(HttpStatusCode.OK, (await facilitator.GetAsync("/api/seminars")).StatusCode);
        (await admin.PutAsJsonAsync($"/api/admin/accounts/{created.Id}",
            new UpdateStaffAccount("An Analyst", [global::Engage.Platform.Roles.Facilitator], true, null))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await facilitator.GetAsync("/api/seminars")).StatusCode);
    }
}
