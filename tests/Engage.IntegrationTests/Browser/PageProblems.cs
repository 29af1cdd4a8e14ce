using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Engage.IntegrationTests.BrowserJourneys;

/// <summary>
/// What the browser complained of on a person's page: console errors (a resource the content security
/// policy blocked, a file that was not found, a script that failed) and uncaught script errors. A page
/// whose own status is an error (a refused form answers 400, an error page 404) is not a complaint: that
/// status is what the test asked for; anything the page then loads is.
/// </summary>
public static class PageProblems
{
    private static readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> Seen = new();

    public static void Watch(IPage page)
    {
        var found = Seen.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            if (message.Text.StartsWith("Failed to load resource: the server responded with a status of") && IsTheDocument(page, message.Location)) return;
            found.Enqueue($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => found.Enqueue($"script error: {error}");
        page.Close += (_, _) => Seen.TryRemove(page, out ConcurrentQueue<string>? _);
    }

    /// <summary>The problems seen on <paramref name="page"/> since last asked.</summary>
    public static IReadOnlyList<string> Take(IPage page)
    {
        if (!Seen.TryGetValue(page, out var found)) return [];
        var taken = new List<string>();
        while (found.TryDequeue(out var problem)) taken.Add(problem);
        return taken;
    }

    // Playwright gives the location as "url:line:column".
    private static bool IsTheDocument(IPage page, string location) =>
        Uri.TryCreate(Regex.Replace(location, @":\d+:\d+$", ""), UriKind.Absolute, out var at) && Uri.TryCreate(page.Url, UriKind.Absolute, out var url)
        && at.GetLeftPart(UriPartial.Path) == url.GetLeftPart(UriPartial.Path);
}
