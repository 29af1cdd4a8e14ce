using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Platform.Accounts;

namespace Engage.IntegrationTests;

public class when_staff_sign_in(EngageHost engage) : EngageTest(engage)
{
    private async Task<HttpResponseMessage> RequestToken(string email, string password) =>
        await Engage.Client().PostAsJsonAsync("/api/auth/token", new { email, password });

    [Fact]
    public async Task the_right_password_gets_a_bearer_token_the_api_accepts()
    {
        var response = await RequestToken(EngageHost.AdminEmail, EngageHost.AdminPassword);
        var token = await response.Read<AccessTokenIssued>();
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(50));

        var seminars = await Engage.Client(token.AccessToken).GetAsync("/api/seminars");
        Assert.Equal(HttpStatusCode.OK, seminars.StatusCode);
    }

    [Fact]
    public async Task a_wrong_password_and_an_unknown_email_get_the_same_401_with_no_hint()
    {
        var wrongPassword = await RequestToken(EngageHost.AdminEmail, "not-the-password");
        var unknownEmail = await RequestToken("nobody@engage.test", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var a = await wrongPassword.Content.ReadFromJsonAsync<JsonElement>();
        var b = await unknownEmail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task repeated_failures_lock_the_account_even_against_the_right_password()
    {
        for (var i = 0; i < StaffAccount.MaxFailedAttempts; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await RequestToken(EngageHost.AdminEmail, "guess-" + i)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestToken(EngageHost.AdminEmail, EngageHost.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task a_missing_field_or_malformed_json_is_a_400_problem()
    {
        var missing = await Engage.Client().PostAsJsonAsync("/api/auth/token", new { email = "a@b.c" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("password", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var malformed = await Engage.Client().PostAsync("/api/auth/token",
            new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task the_api_refuses_no_token_a_forged_token_and_the_wrong_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Engage.Client().GetAsync("/api/seminars")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Engage.Client("forged-token").GetAsync("/api/seminars")).StatusCode);

        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/seminars")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/admin/accounts")).StatusCode);
    }

    [Fact]
    public async Task an_unknown_api_route_is_a_404_problem()
    {
        var response = await Engage.Client(await Engage.TokenFor(Roles.Admin)).GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task the_sign_in_page_sets_a_cookie_that_opens_pages_but_not_the_api()
    {
        var browser = new Browser(Host);
        var signedIn = await browser.SubmitForm("/account/signin",
            [new("email", EngageHost.AdminEmail), new("password", EngageHost.AdminPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/admin/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Get("/api/seminars")).StatusCode);
    }

    [Fact]
    public async Task a_form_post_without_the_antiforgery_token_is_refused()
    {
        var response = await Engage.Client().PostAsync("/account/signin", new FormUrlEncodedContent(
            [new("email", EngageHost.AdminEmail), new("password", EngageHost.AdminPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task an_admin_changes_roles_and_disables_accounts_and_a_disabled_account_cannot_sign_in()
    {
        var admin = Engage.Client(await Engage.TokenFor(Roles.Admin));
        var created = await (await admin.PostAsJsonAsync("/api/admin/accounts",
            new CreateStaffAccount("analyst@engage.test", "An Analyst", [Roles.Analyst], "analyst-password-1"))).Read<CreatedAccount>();

        var duplicate = await admin.PostAsJsonAsync("/api/admin/accounts",
            new CreateStaffAccount("ANALYST@engage.test", "Again", [Roles.Analyst], "analyst-password-1"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var badRole = await admin.PostAsJsonAsync("/api/admin/accounts",
            new CreateStaffAccount("x@engage.test", "X", ["Superuser"], "analyst-password-1"));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);

        var updated = await (await admin.PutAsJsonAsync($"/api/admin/accounts/{created.Id}",
            new UpdateStaffAccount("An Analyst", [Roles.Analyst, Roles.Facilitator], true, null))).Read<StaffAccountView>();
        Assert.True(updated.Disabled);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestToken("analyst@engage.test", "analyst-password-1")).StatusCode);
    }

    [Fact]
    public async Task the_jobs_dashboard_is_for_admins_only()
    {
        var anonymous = await Engage.Client().GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.Headers.Location!.PathAndQuery);

        var admin = new Browser(Host);
        await admin.SubmitForm("/account/signin", [new("email", EngageHost.AdminEmail), new("password", EngageHost.AdminPassword)]);
        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/admin/jobs")).StatusCode);

        var staffToken = await Engage.TokenFor(Roles.ProgrammeStaff); // creates the account
        _ = staffToken;
        var accounts = await (await Engage.Client(await Engage.TokenFor(Roles.Admin)).GetAsync("/api/admin/accounts")).Read<StaffAccountView[]>();
        var staffEmail = accounts.Single(a => a.Roles.SequenceEqual([Roles.ProgrammeStaff])).Email;
        var staff = new Browser(Host);
        await staff.SubmitForm("/account/signin", [new("email", staffEmail), new("password", "a-long-test-password")]);
        var denied = await staff.Get("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery);
    }
}
