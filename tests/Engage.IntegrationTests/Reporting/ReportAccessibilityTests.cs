using global::Engage.Reporting.Outputs;
using Engage.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Text.Json;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.Reporting;

/// <summary>
/// The report and the "what we heard" page rendered in real Chromium and checked with axe-core against
/// WCAG 2.2 AA: no serious or critical violation. The browser is the host's own (the one that prints PDFs).
/// </summary>
public class when_the_report_is_checked_for_accessibility(EngageHost engage) : ReportTest(engage)
{
    private static readonly string Axe = Path.Combine(RepositoryRoot(), "node_modules", "axe-core", "axe.min.js");

    [Fact]
    public async Task the_html_report_has_no_serious_or_critical_wcag_violations()
    {
        await DraftReport();
        await Narrate("summary", "## What matters\n\nPeople want **protected time**. See [the NHS](https://www.nhs.uk).");
        Assert.Empty(await Violations($"/api/reports/{reportId}/report.html", programme));
    }

    [Fact]
    public async Task the_what_we_heard_page_has_no_serious_or_critical_wcag_violations()
    {
        await OpenWorkshop();
        await DraftReport(SampleAnalysis.Create(workshopId));
        await Host.ExecuteAndWaitAsync(async () => await programme.PostAsync($"/api/reports/{reportId}/publish", null));
        Assert.Empty(await Violations($"/take-part/{workshopId}/what-we-heard", Engage.Client()));
    }

    /// <summary>Chromium loads <paramref name="path"/> and everything the page asks for (the NHS.UK styles) from the in-process host, through <paramref name="client"/>.</summary>
    private async Task<IReadOnlyList<string>> Violations(string path, HttpClient client)
    {
        var browser = await Host.Services.GetRequiredService<PdfPrinter>().Browser();
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.RouteAsync("**/*", async route =>
            {
                var url = new Uri(route.Request.Url);
                if (url.Host != "engage.test") { await route.AbortAsync(); return; }
                var response = await client.GetAsync(url.PathAndQuery);
                await route.FulfillAsync(new()
                {
                    Status = (int)response.StatusCode, BodyBytes = await response.Content.ReadAsByteArrayAsync(),
                    ContentType = response.Content.Headers.ContentType?.ToString()
                });
            });
            var loaded = await page.GotoAsync($"http://engage.test{path}");
            Assert.Equal(200, loaded!.Status);
            await page.AddScriptTagAsync(new() { Path = Axe });
            var result = await page.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))
                    .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes, e.g. ' + v.nodes[0].html.slice(0, 120) + ')')
                """);
            return result.EnumerateArray().Select(v => v.GetString()!).ToList();
        }
        finally { await context.CloseAsync(); }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Engage.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Engage.sln was not found above the test folder.");
    }
}
