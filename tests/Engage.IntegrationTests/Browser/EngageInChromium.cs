using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using Microsoft.Playwright;
using MimeKit;

// Not plain "Browser": that is the in-process form-posting helper of Support, which a namespace of that name would hide.
namespace Engage.IntegrationTests.BrowserJourneys;

/// <summary>
/// Engage as its users meet it: the host in an operating-system process of its own on a real port, on a
/// PostgreSQL cluster of its own, visited by Debian's Chromium. Each person gets a browser context of
/// their own (their own cookies), and every page they are shown can be checked with axe-core.
/// </summary>
public sealed class EngageInChromium : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly ThrowawayCluster cluster = new("engage_browser");
    private IPlaywright? playwright;
    private IBrowser? chromium;

    public HostProcess Host { get; private set; } = null!;
    public string MailFolder => cluster.Folder("mail");
    public string StaffPassword => "a-long-browser-password";

    public async Task InitializeAsync()
    {
        var connection = cluster.Start();
        Host = await HostProcess.Start(connection, MailFolder, ThrowawayCluster.FreePortOutsideEphemeralRange(), cluster.Folder("host.log"));
        playwright = await Playwright.CreateAsync();
        chromium = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    /// <summary>
    /// A person at their own browser, under Engage's real content security policy. Whatever the browser
    /// complains of on the way (a resource the policy blocked, a script error, a missing file) is kept
    /// in <see cref="PageProblems"/>, and the audit fails the test with it.
    /// </summary>
    public async Task<IPage> Person(int width = 1280, int height = 900)
    {
        var context = await chromium!.NewContextAsync(new() { BaseURL = Host.Url.ToString(), ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        context.SetDefaultTimeout(20_000);
        // Added through the DevTools protocol, which the page's policy does not govern; the page then reports
        // each violation on its console, where it is heard below.
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error('Content security policy violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + ' on ' + location.pathname));
            """);
        var page = await context.NewPageAsync();
        PageProblems.Watch(page);
        return page;
    }

    /// <summary>A staff account made by the administrator through the API, as the admin pages would.</summary>
    public async Task<string> StaffAccount(string name, params string[] roles)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@engage.test";
        using var admin = Host.Client(await Token(EngageHost.AdminEmail, EngageHost.AdminPassword));
        var created = await admin.PostAsJsonAsync("/api/admin/accounts", new { email, displayName = name, roles, password = StaffPassword });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    public async Task<string> Token(string email, string password)
    {
        using var anonymous = Host.Client();
        return (await (await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password })).Read<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Staff sign in with email and password, as on any morning.</summary>
    public async Task<IPage> SignedIn(string email)
    {
        var page = await Person();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));
        return page;
    }

    /// <summary>The link (path and token) in the latest email to <paramref name="to"/> that matches <paramref name="link"/>.</summary>
    public async Task<string> EmailedLink(string to, string link) =>
        await Eventually(() =>
        {
            var found = Directory.Exists(MailFolder)
                ? Directory.GetFiles(MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
                    .Where(m => m.To.Mailboxes.Any(b => b.Address == to)).OrderBy(m => m.Date)
                    .Select(m => Regex.Match(m.TextBody ?? "", link).Value).LastOrDefault(l => l.Length > 0)
                : null;
            return Task.FromResult(found);
        }, $"email to {to} with a link like {link}");

    /// <summary>
    /// Opens <paramref name="url"/> until <paramref name="shown"/> is on it: what the host does through its
    /// queues (a module hearing of another's event) can be watched for, not awaited.
    /// </summary>
    public static async Task VisitUntil(IPage page, string url, ILocator shown, string what, int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url);
        while (!await shown.First.IsVisibleAsync())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new Xunit.Sdk.XunitException($"No {what} on {url} after {seconds} s.");
            await Task.Delay(250);
            await page.GotoAsync(url);
        }
    }

    public static Task<T> Eventually<T>(Func<Task<T?>> probe, string what, int seconds = 60) where T : class =>
        Survival.ProcessEngagement.Eventually(probe, what, seconds);

    public async Task DisposeAsync()
    {
        try
        {
            if (chromium is not null) await chromium.CloseAsync();
            playwright?.Dispose();
            if (Host is not null) await Host.DisposeAsync();
        }
        finally { cluster.Remove(); }
    }
}
