using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Seeds the Advanced Clinical Practice demo engagement through Engage's public API:
//   Engage.DemoSeed <base-url> <admin-email> <admin-password>
// It is idempotent: when the demo seminar exists it does nothing.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Engage.DemoSeed <base-url> <admin-email> <admin-password>");
    return 2;
}

var api = new HttpClient { BaseAddress = new Uri(args[0]) };
var token = await Post<JsonElement>("/api/auth/token", new { email = args[1], password = args[2] });
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());

var seminars = await api.GetFromJsonAsync<JsonElement>("/api/seminars");
if (seminars.EnumerateArray().Any(s => s.GetProperty("title").GetString() == Demo.SeminarTitle))
{
    Console.WriteLine("The demo engagement is already there.");
    return 0;
}

var seminarId = await Create("/api/seminars", new
{
    title = Demo.SeminarTitle, purpose = Demo.Purpose, startsAt = DateTimeOffset.UtcNow.AddDays(-14), format = "Hybrid",
    venue = "Leeds, and online", joiningLink = "https://meet.example.org/acp-seminar", agenda = Demo.Agenda
});
foreach (var (name, organisation, group, role, attended) in Demo.Leaders)
{
    var invitee = await Create($"/api/seminars/{seminarId}/invitees",
        new { name, email = $"{name.Split(' ')[0].ToLowerInvariant()}@example.org", organisation, interestGroup = group, role });
    if (attended) await Put($"/api/seminars/{seminarId}/invitees/{invitee}/attendance", new { attended = true });
}
await Send($"/api/seminars/{seminarId}/invitations", new { });
var problemIds = new Dictionary<string, string>();
foreach (var (key, text, group) in Demo.Problems)
    problemIds[key] = await Create($"/api/seminars/{seminarId}/problems", new { text, interestGroup = group });

var themeIds = new List<string>();
foreach (var theme in Demo.Themes)
    themeIds.Add(await Create($"/api/seminars/{seminarId}/themes", new
    {
        title = theme.Title, description = theme.Description,
        problemIds = theme.ProblemKeys.Select(k => problemIds[k]).ToArray(), prompts = theme.Prompts, seeds = theme.Seeds
    }));
await Send($"/api/seminars/{seminarId}/conclude", new { themeIds });

// The Workshop module creates the draft workshop when it receives SeminarConcluded.
var workshop = await Poll(async () =>
{
    var list = await api.GetFromJsonAsync<JsonElement>($"/api/workshops?seminarId={seminarId}");
    return list.GetArrayLength() > 0 ? list[0] : (JsonElement?)null;
});
var workshopId = workshop.GetProperty("id").GetString()!;
await Send($"/api/workshops/{workshopId}/open", new { });
var detail = await api.GetFromJsonAsync<JsonElement>($"/api/workshops/{workshopId}");
var workshopThemes = detail.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
for (var i = 0; i < workshopThemes.Count; i++)
    foreach (var seed in Demo.Themes[i].Seeds)
        await Create($"/api/workshops/{workshopId}/themes/{workshopThemes[i]}/contributions", new { text = seed });

Console.WriteLine($"Demo engagement seeded: seminar {seminarId}, workshop {workshopId} (open).");
return 0;

async Task<T> Post<T>(string url, object body)
{
    var response = await api.PostAsJsonAsync(url, body);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return (await response.Content.ReadFromJsonAsync<T>())!;
}

async Task<string> Create(string url, object body) => (await Post<JsonElement>(url, body)).GetProperty("id").GetString()!;

async Task Put(string url, object body)
{
    var response = await api.PutAsJsonAsync(url, body);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}

async Task Send(string url, object body)
{
    var response = await api.PostAsJsonAsync(url, body);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}

static async Task<JsonElement> Poll(Func<Task<JsonElement?>> probe)
{
    // The seed is a client of an asynchronous system: it polls, with a deadline, like any client would.
    for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200))
        if (await probe() is { } found) return found;
    throw new TimeoutException("The workshop was not created within 30 s of concluding the seminar.");
}
