using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Engage.Reporting.Outputs;

public sealed class ReportingOptions
{
    /// <summary>The Chromium that prints PDFs (<c>Reporting__ChromiumPath</c>); Debian's by default.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
}

/// <summary>
/// Prints the HTML report to PDF with headless Chromium (docs/adr/0011): the same document as the web
/// page, laid out by its print styles, with the title and page numbers in the margins. One browser is
/// started on first use and kept; each PDF gets its own page. Nothing is fetched: the HTML is self-contained
/// and every request the page makes is refused.
/// </summary>
public sealed class PdfPrinter(IOptions<ReportingOptions> options) : IAsyncDisposable
{
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly SemaphoreSlim starting = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task<byte[]> PrintAsync(string html, string title, CancellationToken ct = default)
    {
        var context = await (await Browser()).NewContextAsync(new() { JavaScriptEnabled = false });
        try
        {
            var page = await context.NewPageAsync();
            await page.RouteAsync("**/*", route => route.AbortAsync());
            await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
            ct.ThrowIfCancellationRequested();
            return await page.PdfAsync(new()
            {
                Format = "A4", PrintBackground = true, PreferCSSPageSize = true, Outline = true, Tagged = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = $"<div style=\"font-size:8px;width:100%;padding:0 15mm;color:#4c6272\">{WebUtility.HtmlEncode(title)}</div>",
                FooterTemplate = "<div style=\"font-size:8px;width:100%;padding:0 15mm;text-align:right;color:#4c6272\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
            });
        }
        finally { await context.CloseAsync(); }
    }

    /// <summary>The browser, started once; started again if it died.</summary>
    public async Task<IBrowser> Browser()
    {
        if (browser is { IsConnected: true }) return browser;
        await starting.WaitAsync();
        try
        {
            if (browser is { IsConnected: true }) return browser;
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = options.Value.ChromiumPath, Headless = true, Args = Args });
            return browser;
        }
        finally { starting.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
