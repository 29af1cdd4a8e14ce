using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// Engage's public JSON API as the seed uses it: each call names who makes it (a bearer token), and any
/// refusal stops the seed with the problem Engage gave, so a broken rule is never papered over.
/// </summary>
sealed class Client(Uri baseAddress)
{
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100)
    };

    public int Requests;

    public async Task<JsonElement> Send(HttpMethod method, string url, object? body, string? token, params HttpStatusCode[] alsoFine)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null) request.Content = JsonContent.Create(body);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            Interlocked.Increment(ref Requests);
            // A limit is a limit: wait as long as Engage asks, as any well-behaved client does.
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 5)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode && !alsoFine.Contains(response.StatusCode))
                throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    public Task<JsonElement> Get(string url, string? token) => Send(HttpMethod.Get, url, null, token);
    public Task<JsonElement> Post(string url, object? body, string? token) => Send(HttpMethod.Post, url, body ?? new { }, token);
    public Task<JsonElement> Put(string url, object body, string? token) => Send(HttpMethod.Put, url, body, token);
    public async Task<Guid> Create(string url, object body, string? token) => (await Post(url, body, token)).GetProperty("id").GetGuid();

    public async Task<string> TokenFor(string email, string password) =>
        (await Post("/api/auth/token", new { email, password }, null)).GetProperty("accessToken").GetString()!;

    /// <summary>The seed is a client of an asynchronous system: it polls, with a deadline, like any client would.</summary>
    public static async Task<T> Until<T>(string what, Func<Task<T?>> probe, int seconds = 60) where T : class
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < deadline; await Task.Delay(150))
            if (await probe() is { } found) return found;
        throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
    }

    public static Task ForEach<T>(IEnumerable<T> items, int parallel, Func<T, Task> each) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) => await each(item));
}

/// <summary>Reads the links Engage emailed, from its mail drop folder (one .eml file per message), as the people who received them would.</summary>
static partial class Mailbox
{
    [GeneratedRegex(@"^To:\s*(?:.*<)?([^<>\s]+@[^<>\s]+?)>?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ToPattern();

    /// <summary>The newest link matching <paramref name="link"/> (first group) per recipient, from mail written since the seed started.</summary>
    public static Dictionary<string, string> Links(string folder, Regex link, DateTime since)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(folder)) return found;
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").Where(f => f.LastWriteTimeUtc >= since).OrderBy(f => f.Name))
        {
            // Quoted-printable bodies may wrap a long URL with soft line breaks ("=" at the end of a line).
            var text = File.ReadAllText(file.FullName).Replace("=\r\n", "").Replace("=\n", "");
            if (ToPattern().Match(text) is { Success: true } to && link.Match(text) is { Success: true } m)
                found[to.Groups[1].Value] = m.Groups[1].Value;
        }
        return found;
    }
}
