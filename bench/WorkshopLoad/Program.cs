using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.WorkshopLoad;

// Load benchmark of a running Engage host, through its public API only:
//   Engage.WorkshopLoad <base-url> <admin-email> <admin-password> <mail-folder> [options]
// bench/workshop-load.sh starts a private PostgreSQL and host and calls this; see README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 4 || args[0].StartsWith("--"))
{
    Console.Error.WriteLine("""
        usage: Engage.WorkshopLoad <base-url> <admin-email> <admin-password> <mail-folder>
          [--participants 400] [--vote-rate 2000[,200...]] [--post-rate 500[,50...]] [--seconds 60]
          [--drain-seconds 30] [--settle-seconds 10]
          [--seed-contributions 500] [--theme-size 10000] [--readers 4] [--read-seconds 20] [--read-write-rate 200]
          [--polis <folder>] [--skip-import] [--pgbench-tps N] [--max-in-flight 512]
          [--generate-polis 225000 [--polis-participants 2000] [--polis-comments 1000]] [--import-only]
        """);
    return 2;
}
var baseUrl = new Uri(args[0]);
var (adminEmail, adminPassword, mailFolder) = (args[1], args[2], args[3]);
var options = Options.Parse(args[4..]);
var random = new Random(20261123);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
byte[] Json(object body) => JsonSerializer.SerializeToUtf8Bytes(body, json);

var load = new Load(baseUrl, options.Int("max-in-flight", 512));
var api = load.Http;
var staff = (await Post<JsonElement>("/api/auth/token", new { email = adminEmail, password = adminPassword }, null)).GetProperty("accessToken").GetString()!;
var summary = new List<PhaseResult>();
var notes = new List<string>();
Console.WriteLine($"Engage workshop load benchmark against {baseUrl} ({Environment.ProcessorCount} cores seen by the driver)");

// 1. The largest Polis conversation, imported while the host is otherwise idle, so the figure is its own.
if (!options.Flag("skip-import"))
{
    var folder = options.Text("polis", "");
    if (options.Int("generate-polis", 0) is > 0 and var generated)
    {
        // A conversation the size of a national one, since no real export at hand comes close (see PolisGenerator).
        folder = PolisGenerator.Write(generated, options.Int("polis-participants", 2000), options.Int("polis-comments", 1000),
            Path.Combine(Path.GetTempPath(), $"engage-polis-{generated}"));
        Console.WriteLine($"\nGenerated a Polis export of {generated:N0} votes in {folder}");
    }
    if (!File.Exists(Path.Combine(folder, "votes.csv"))) throw new FileNotFoundException($"No Polis export (comments.csv, votes.csv) in '{folder}'; pass --polis <folder> or --skip-import.");
    var (comments, published, expectedVotes) = PolisExport.Expected(folder);
    Console.WriteLine($"\nImport: {Path.GetFileName(folder)} ({comments} comments, {published} not rejected, {expectedVotes} votes on those after keeping each voter's last vote)");
    using var form = new MultipartFormDataContent();
    form.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(folder, "comments.csv"))), "comments", "comments.csv");
    form.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(folder, "votes.csv"))), "votes", "votes.csv");
    form.Add(new StringContent($"Imported conversation (load benchmark {DateTime.UtcNow:HH:mm:ss})"), "title");
    var clock = Stopwatch.StartNew();
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workshops/imports/polis") { Content = form };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff);
    using var response = await api.SendAsync(request);
    var body = await response.Content.ReadAsStringAsync();
    if ((int)response.StatusCode != 201) throw new InvalidOperationException($"import: {(int)response.StatusCode} {body}");
    var imported = JsonDocument.Parse(body).RootElement;
    var importSeconds = clock.Elapsed.TotalSeconds;
    var workshopId = imported.GetProperty("workshopId").GetString();
    Console.WriteLine($"  [{DateTime.Now:HH:mm:ss}] 201 after {importSeconds:F2} s: {imported}");

    // Analysis hears of the import through the outbox; it has all of it when every vote on a published comment is counted.
    var (seen, items, polls) = (0, 0, 0);
    var pollTimes = new List<double>();
    while (clock.Elapsed < TimeSpan.FromMinutes(5))
    {
        var started = clock.Elapsed.TotalMilliseconds;
        var corpus = await Get<JsonElement>($"/api/analysis/workshops/{workshopId}", staff);
        pollTimes.Add(clock.Elapsed.TotalMilliseconds - started);
        polls++;
        var list = corpus.GetProperty("items");
        items = list.GetArrayLength();
        seen = list.EnumerateArray().Sum(i => i.GetProperty("agree").GetInt32() + i.GetProperty("disagree").GetInt32() + i.GetProperty("pass").GetInt32());
        if (items == published && seen == expectedVotes) break;
        await Task.Delay(250);
    }
    var analysedSeconds = clock.Elapsed.TotalSeconds;
    var complete = items == published && seen == expectedVotes;
    Console.WriteLine(complete
        ? $"  Analysis holds all {items} items and {seen} votes {analysedSeconds:F2} s after the upload started ({polls} polls; one GET of the corpus took {pollTimes.Min():F0}-{pollTimes.Max():F0} ms)"
        : $"  Analysis incomplete after {analysedSeconds:F0} s: {items}/{published} items, {seen}/{expectedVotes} votes");
    notes.Add($"Polis import ({comments} comments, {imported.GetProperty("votes").GetInt32()} votes, {imported.GetProperty("participants").GetInt32()} participants): " +
        $"201 after {importSeconds:F2} s; Analysis complete after {(complete ? $"{analysedSeconds:F2} s" : "NOT within 5 min")}");
}

if (options.Flag("import-only")) return 0;

// 2. An open workshop, made the way programme staff make one: a seminar's agreed themes.
var seminarId = await Create("/api/seminars", new
{
    title = $"Workshop load benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}", purpose = "Measure how many people Engage can take at once.",
    startsAt = DateTimeOffset.UtcNow.AddDays(-7), format = "Online", venue = "Online", joiningLink = "https://meet.example.org/bench"
});
var themeIds = new List<string>();
foreach (var (title, prompt) in new[]
{
    ("Training and supervision", "What would make supervision of advanced practitioners work in your team?"),
    ("Regulation and the title", "Should the advanced practitioner title be protected, and how?")
})
    themeIds.Add(await Create($"/api/seminars/{seminarId}/themes", new { title, description = prompt, prompts = new[] { prompt }, seeds = Array.Empty<string>() }));
(await Send(HttpMethod.Post, $"/api/seminars/{seminarId}/conclude", new { themeIds }, staff)).Dispose();
string? workshopIdLive = null;
for (var deadline = DateTime.UtcNow.AddSeconds(60); workshopIdLive is null && DateTime.UtcNow < deadline; await Task.Delay(200))
{
    var list = await Get<JsonElement>($"/api/workshops?seminarId={seminarId}", staff);
    if (list.GetArrayLength() > 0) workshopIdLive = list[0].GetProperty("id").GetString();
}
var workshop = workshopIdLive ?? throw new TimeoutException("No workshop 60 s after concluding the seminar.");
(await Send(HttpMethod.Post, $"/api/workshops/{workshop}/open", new { }, staff)).Dispose();
var detail = await Get<JsonElement>($"/api/workshops/{workshop}", staff);
var theme = detail.GetProperty("themes")[0].GetProperty("id").GetString()!;
Console.WriteLine($"\nOpen workshop {workshop}, measured theme {theme}");

// 3. Participants join, read their emailed link and exchange it for a bearer token, as a participant's app does.
var participantCount = options.Int("participants", 400);
string[] professions = ["Nurse", "Paramedic", "Pharmacist", "Physiotherapist", "Doctor", "Occupational therapist", "Midwife"];
string[] regions = ["London", "North East and Yorkshire", "North West", "Midlands", "East of England", "South East", "South West"];
var emails = Enumerable.Range(1, participantCount).Select(i => $"bench{i:D5}.{workshop[..8]}@example.org").ToArray();
var clockJoin = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, participantCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
{
    var profile = new Dictionary<string, string> { ["profession"] = professions[i % professions.Length], ["region"] = regions[i / 3 % regions.Length] };
    using var joinedResponse = await Send(HttpMethod.Post, $"/api/workshops/{workshop}/participants", new { email = emails[i], consent = true, profile, showProfession = true }, null, 202);
});
Dictionary<string, string> links = [];
for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; await Task.Delay(500))
{
    links = Mailbox.LinksByRecipient(mailFolder);
    if (emails.All(links.ContainsKey)) break;
}
var missing = emails.Count(e => !links.ContainsKey(e));
if (missing > 0) throw new TimeoutException($"{missing} of {participantCount} sign-in emails did not arrive in {mailFolder} within 3 minutes.");
var joined = clockJoin.Elapsed.TotalSeconds;
var tokens = new string[participantCount];
await Parallel.ForEachAsync(Enumerable.Range(0, participantCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
    tokens[i] = (await Post<JsonElement>("/api/auth/participant-token", new { linkToken = links[emails[i]] }, null)).GetProperty("accessToken").GetString()!);
Console.WriteLine($"{participantCount} participants joined and got their emails in {joined:F1} s; tokens exchanged after {clockJoin.Elapsed.TotalSeconds:F1} s");
notes.Add($"{participantCount} participants: join + emailed link {joined:F1} s, all bearer tokens after {clockJoin.Elapsed.TotalSeconds:F1} s");

// 4. Seed contributions to vote on (closed loop, not measured).
var seedCount = options.Int("seed-contributions", 500);
var contributionIds = new string[seedCount];
await Parallel.ForEachAsync(Enumerable.Range(0, seedCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
{
    var created = await Post<JsonElement>($"/api/workshops/{workshop}/themes/{theme}/contributions", new { text = Texts.Contribution(new Random(i)) }, tokens[i % participantCount]);
    contributionIds[i] = created.GetProperty("id").GetString()!;
});
var inTheme = seedCount;
Console.WriteLine($"Seeded {seedCount} contributions");

string[] voteValues = ["agree", "disagree", "pass"];
var voteBodies = voteValues.Select(v => Json(new { vote = v })).ToArray();
Call NextVote(int _) => new(HttpMethod.Put, $"/api/contributions/{contributionIds[random.Next(seedCount)]}/vote",
    voteBodies[random.Next(3)], tokens[random.Next(participantCount)]);
var postPath = $"/api/workshops/{workshop}/themes/{theme}/contributions";
string[] ContributionListingSorts = ["newest", "agreed", "discussed", "unvoted"];
Call NextPost(int _) => new(HttpMethod.Post, postPath, Json(new { text = Texts.Contribution(random) }), tokens[random.Next(participantCount)]);

// A short warm-up so JIT compilation and the connection pools are not in the measured figures.
var warmup = await load.OpenLoop("warm-up", 200, TimeSpan.FromSeconds(5), NextVote, TimeSpan.FromSeconds(30));
Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] Warm-up: {warmup.Succeeded} votes; measuring now");

// 5. The measured open-loop phases.
var seconds = TimeSpan.FromSeconds(options.Int("seconds", 60));
var drain = TimeSpan.FromSeconds(options.Int("drain-seconds", 30));
var settle = TimeSpan.FromSeconds(options.Int("settle-seconds", 10));
// Each rate in a comma-separated list is a phase of its own, e.g. the target and then a rate the host can keep up with.
var voteRuns = new List<PhaseResult>();
foreach (var rate in options.Rates("vote-rate", "2000"))
{
    voteRuns.Add(await load.OpenLoop($"votes at {rate}/s (PUT vote)", rate, seconds, NextVote, drain));
    Report(voteRuns[^1]);
    await Task.Delay(settle); // lets the host finish abandoned work and its outbox before the next phase
}
var postRuns = new List<PhaseResult>();
foreach (var rate in options.Rates("post-rate", "500"))
{
    postRuns.Add(await load.OpenLoop($"contributions at {rate}/s (POST)", rate, seconds, NextPost, drain));
    Report(postRuns[^1]);
    inTheme += postRuns[^1].Outcomes.GetValueOrDefault("201");
    await Task.Delay(settle);
}

// 6. The theme page once the theme holds enough contributions; the rest is topped up unmeasured.
var themeSize = options.Int("theme-size", 10_000);
if (inTheme < themeSize)
{
    var fill = Stopwatch.StartNew();
    var missingPosts = themeSize - inTheme;
    await Parallel.ForEachAsync(Enumerable.Range(0, missingPosts), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
    {
        using var posted = await Send(HttpMethod.Post, postPath, new { text = Texts.Contribution(new Random(i)) }, tokens[i % participantCount], 201);
    });
    inTheme += missingPosts;
    Console.WriteLine($"Topped the theme up with {missingPosts} contributions (closed loop, 32 at a time) in {fill.Elapsed.TotalSeconds:F1} s = {missingPosts / fill.Elapsed.TotalSeconds:F0}/s");
    notes.Add($"theme topped up to {inTheme} with {missingPosts} unmeasured posts at {missingPosts / fill.Elapsed.TotalSeconds:F0}/s (closed loop, 32 concurrent)");
}
var reader = tokens[0];
(string, Func<Call>)[] themeReads =
[
    .. ContributionListingSorts.Select(sort => ($"theme ?sort={sort} ({inTheme})", (Func<Call>)(() => new Call(HttpMethod.Get, $"{postPath}?sort={sort}", null, reader)))),
    ("page /take-part/{id} (anonymous)", () => new Call(HttpMethod.Get, $"/take-part/{workshop}", null, null))
];
var readers = options.Int("readers", 4);
var readTime = TimeSpan.FromSeconds(options.Int("read-seconds", 20));
foreach (var read in await load.ClosedLoop(themeReads, readers, readTime)) Report(read);
// The same reads while votes keep arriving, as they do on a live workshop's pages.
if (options.Int("read-write-rate", 200) is > 0 and var writeRate)
{
    await Task.Delay(settle);
    var writes = load.OpenLoop($"votes at {writeRate}/s during the reads", writeRate, readTime, NextVote, drain);
    var during = await load.ClosedLoop(themeReads.Select(r => ($"{r.Item1} + {writeRate} votes/s", r.Item2)).ToArray(), readers, readTime);
    Report(await writes);
    foreach (var read in during) Report(read);
}

// 7. The summary.
Console.WriteLine($"\n=== Summary ({DateTime.Now:yyyy-MM-dd HH:mm}) ===");
Console.WriteLine($"{"phase",-36} {"target/s",9} {"sent",7} {"ok",7} {"ok/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}  errors");
foreach (var phase in summary)
    Console.WriteLine($"{phase.Name,-36} {(double.IsNaN(phase.TargetRate) ? "closed" : phase.TargetRate.ToString("F0")),9} {phase.Sent,7} {phase.Succeeded,7} {phase.AchievedRate,8:F0} " +
        $"{phase.Percentile(50),8:F1} {phase.Percentile(95),8:F1} {phase.Percentile(99),8:F1} {phase.Percentile(100),8:F1}  {(phase.Unfinished > 0 ? $"unfinished:{phase.Unfinished} " : "")}{phase.Errors}");
if (options.Text("pgbench-tps", "") is { Length: > 0 } tpsText && double.TryParse(tpsText, CultureInfo.InvariantCulture, out var tps) && tps > 0)
{
    Console.WriteLine($"PostgreSQL single-row inserts (pgbench, 8 clients, 2 threads): {tps:F0}/s");
    foreach (var run in voteRuns.Concat(postRuns))
        Console.WriteLine($"  {run.Name}: {run.AchievedRate:F0}/s ÷ {tps:F0} inserts/s = {run.AchievedRate / tps:F3}");
}
foreach (var note in notes) Console.WriteLine(note);
Console.WriteLine("Targets: votes 2,000/s p99 < 50 ms; contributions 500/s p99 < 100 ms; theme page at 10,000 contributions p95 < 100 ms.");
return 0;

void Report(PhaseResult phase)
{
    summary.Add(phase);
    Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {phase.Name}: sent {phase.Sent}, ok {phase.Succeeded} in {phase.Seconds:F1} s = {phase.AchievedRate:F0}/s; " +
        $"p50 {phase.Percentile(50):F1} p95 {phase.Percentile(95):F1} p99 {phase.Percentile(99):F1} max {phase.Percentile(100):F1} ms; " +
        $"{(phase.Unfinished > 0 ? $"unfinished {phase.Unfinished}; " : "")}errors [{phase.Errors}]");
}

async Task<T> Get<T>(string path, string token)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await api.SendAsync(request);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return (await response.Content.ReadFromJsonAsync<T>())!;
}

async Task<HttpResponseMessage> Send(HttpMethod method, string path, object body, string? token, int? expected = null)
{
    using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
    if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var response = await api.SendAsync(request);
    if (expected is { } code ? (int)response.StatusCode != code : !response.IsSuccessStatusCode)
        throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return response;
}

async Task<T> Post<T>(string path, object body, string? token)
{
    using var response = await Send(HttpMethod.Post, path, body, token);
    return (await response.Content.ReadFromJsonAsync<T>())!;
}

async Task<string> Create(string path, object body) => (await Post<JsonElement>(path, body, staff)).GetProperty("id").GetString()!;

sealed record Options(Dictionary<string, string?> Values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--")) throw new ArgumentException($"unexpected argument '{args[i]}'");
            var name = args[i][2..];
            values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : null;
        }
        return new Options(values);
    }

    public int Int(string name, int fallback) => Values.TryGetValue(name, out var v) && v is not null ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public string Text(string name, string fallback) => Values.TryGetValue(name, out var v) && v is not null ? v : fallback;
    public bool Flag(string name) => Values.ContainsKey(name);
    public IEnumerable<int> Rates(string name, string fallback) => Text(name, fallback).Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture));
}
