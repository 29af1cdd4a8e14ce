using System.Net;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;

namespace Engage.IntegrationTests.Security;

public partial class when_any_answer_is_sent(EngageHost engage) : EngageTest(engage)
{
    // A page, a public page, an API answer, an API problem, an error page, a static file and the health check.
    private static readonly string[] Samples =
        ["/", "/account/signin", "/take-part", "/api/auth/token", "/api/no-such-thing", "/no-such-page", "/assets/nhsuk/nhsuk-frontend.min.js", "/health/live"];

    [Fact]
    public async Task it_carries_the_headers_that_stop_framing_sniffing_foreign_scripts_and_leaking_addresses()
    {
        foreach (var url in Samples)
        {
            var response = await Engage.Client().GetAsync(url);
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            // Plain HTTP (a developer's machine): HSTS would be ignored, and must not be promised.
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{url} sent HSTS over plain HTTP");
        }
    }

    [Fact]
    public async Task over_https_it_also_tells_the_browser_to_use_https_only()
    {
        var client = Engage.Client();
        client.BaseAddress = new Uri("https://localhost");
        foreach (var url in Samples)
        {
            var hsts = Header(await client.GetAsync(url), "Strict-Transport-Security");
            Assert.Contains("max-age=31536000", hsts);
            Assert.Contains("includeSubDomains", hsts);
        }
    }

    [Fact]
    public async Task what_a_signed_in_person_sees_is_not_kept_in_any_cache()
    {
        var admin = new Browser(Host);
        await admin.SubmitForm("/account/signin", [new("email", EngageHost.AdminEmail), new("password", EngageHost.AdminPassword)]);
        Assert.Contains("no-store", Header(await admin.Get("/admin/accounts"), "Cache-Control"));
        Assert.Contains("no-store", Header(await Engage.Client(await Engage.TokenFor(global::Engage.Platform.Roles.Admin)).GetAsync("/api/admin/accounts"), "Cache-Control"));
    }

    [Fact]
    public async Task pages_hold_no_inline_script_so_the_policy_breaks_nothing()
    {
        var admin = new Browser(Host);
        await admin.SubmitForm("/account/signin", [new("email", EngageHost.AdminEmail), new("password", EngageHost.AdminPassword)]);
        foreach (var url in new[] { "/", "/account/signin", "/take-part", "/admin/accounts", "/admin/mail", "/seminars", "/seminars/new", "/workshops", "/analysis", "/reports", "/moderation", "/admin/jobs" })
        {
            var response = await admin.Get(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(!InlineScript().IsMatch(html), $"{url} has an inline <script>: {InlineScript().Match(html).Value}");
            Assert.True(!EventHandlerAttribute().IsMatch(html), $"{url} has an inline event handler: {EventHandlerAttribute().Match(html).Value}");
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header");

    // A <script> element with content or without a src attribute.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}

public class when_a_cookie_is_set(EngageHost engage) : EngageTest(engage)
{
    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://localhost", false)]
    public async Task it_is_http_only_same_site_and_secure_whenever_the_site_is_served_over_https(string site, bool secure)
    {
        var browser = new Browser(Host, site);
        var form = await browser.Get("/account/signin");
        var signedIn = await browser.SubmitForm("/account/signin", [new("email", EngageHost.AdminEmail), new("password", EngageHost.AdminPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var cookies = SetCookies(form).Concat(SetCookies(signedIn)).ToList();
        Assert.Contains(cookies, c => c.StartsWith("engage="));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery."));
        foreach (var cookie in cookies)
        {
            var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("httponly"), $"{cookie} is readable by scripts");
            Assert.True(attributes.Any(a => a is "samesite=lax" or "samesite=strict"), $"{cookie} is sent with other sites' requests");
            Assert.True(attributes.Contains("secure") == secure, $"{cookie}: Secure should be {secure} on {site}");
        }
    }

    [Fact]
    public async Task a_participants_sign_in_cookie_is_protected_the_same_way()
    {
        var browser = new Browser(Host, "https://localhost");
        var token = await Caller.SignInLinkFor(Engage, "pat@example.org");
        var signedIn = await browser.SubmitForm($"/account/link/{token}", []);
        var cookie = Assert.Single(SetCookies(signedIn), c => c.StartsWith("engage=")).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
