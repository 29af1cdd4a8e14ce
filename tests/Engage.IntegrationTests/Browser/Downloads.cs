using System.Text;
using Microsoft.Playwright;

namespace Engage.IntegrationTests.BrowserJourneys;

/// <summary>What a person gets from a download link: the file the browser saved, or the page it showed.</summary>
public static class Downloads
{
    public sealed record Got(string Name, byte[] Bytes)
    {
        /// <summary>The start of the file as text: enough to tell a PDF, a zip (Word, Excel) or a CSV apart.</summary>
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>
    /// Clicks <paramref name="link"/> as the person would, with their own cookies. A file the browser saves
    /// is read from disk; a page it opens instead (the web report) is read and the person goes back.
    /// </summary>
    public static async Task<Got> Follow(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? "";
        var download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        var navigation = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Url.Contains(href.Split('?')[0]), new() { Timeout = 60_000 });
        await link.ClickAsync();
        var first = await Task.WhenAny(download, navigation);
        // The browser may report the response of a link that turns into a download too: its disposition says which it is.
        if (first == download || (await navigation).Headers.GetValueOrDefault("content-disposition", "").StartsWith("attachment"))
        {
            var file = await download;
            var path = await file.PathAsync();
            return new Got(file.SuggestedFilename, await File.ReadAllBytesAsync(path));
        }
        var response = await navigation;
        Assert.True(response.Ok, $"{href} answered {response.Status}");
        var got = new Got(href, await response.BodyAsync());
        await page.GoBackAsync();
        return got;
    }
}
