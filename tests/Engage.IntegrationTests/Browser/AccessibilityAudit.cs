using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.Platform.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Engage.IntegrationTests.BrowserJourneys;

/// <summary>
/// Runs axe-core on each page a person is shown, against WCAG 2.2 AA, and keeps the serious and critical
/// violations to fail the test with at the end (so one run lists them all). Key pages are also saved as
/// screenshots in <c>screenshots/</c> at the repository's root (ignored by git) for people to look at.
/// </summary>
public sealed partial class AccessibilityAudit(string journey, ITestOutputHelper output)
{
    private static readonly string Root = RepositoryRoot.Find(AppContext.BaseDirectory);
    private static readonly string Axe = File.ReadAllText(Path.Combine(Root, "node_modules", "axe-core", "axe.min.js"));
    private readonly string screenshots = Path.Combine(Root, "screenshots", journey);
    private readonly List<string> violations = [];
    private int shots;

    public int PagesChecked { get; private set; }

    public IReadOnlyList<string> Violations => violations;

    /// <summary>Checks the page as it is now; with <paramref name="screenshot"/>, saves a full-page picture of it too.</summary>
    public async Task Check(IPage page, string? screenshot = null)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        // Evaluated through the DevTools protocol, which the page's content security policy does not govern:
        // the page keeps its real policy, which a script tag would have to be let past.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync(Axe);
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))
                .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes, e.g. ' + v.nodes[0].html.slice(0, 160) + ')')
            """);
        PagesChecked++;
        var path = Guids().Replace(new Uri(page.Url).PathAndQuery, "{id}");
        foreach (var problem in PageProblems.Take(page))
        {
            violations.Add($"{path}: browser console: {problem}");
            output.WriteLine($"{path}: browser console: {problem}");
        }
        foreach (var violation in found.EnumerateArray().Select(v => $"{path}: {v.GetString()}"))
        {
            violations.Add(violation);
            output.WriteLine(violation);
        }
        if (screenshot is not null)
        {
            // Last run's pictures go with this run's first, so the folder shows one journey, numbered in order
            // (not when the audit is made: a test class makes one per test, whether it takes pictures or not).
            if (shots == 0 && Directory.Exists(screenshots)) Directory.Delete(screenshots, true);
            Directory.CreateDirectory(screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"{++shots:00}-{screenshot}.png"), FullPage = true });
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();
}
