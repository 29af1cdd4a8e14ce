using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Voices;

// Seeds the Advanced Clinical Practice demo engagement through Engage's public API, as the people in it would:
//   Engage.DemoSeed <base-url> <admin-email> <admin-password> <mail-drop-folder>
// A concluded seminar, a closed workshop that has been analysed and reported on (version 1, with progress
// recorded), and a second workshop still open. People sign in with the links Engage emails them, read from
// the mail drop folder. It is idempotent: when the demo seminar exists it does nothing (exit code 3).
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Engage.DemoSeed <base-url> <admin-email> <admin-password> <mail-drop-folder>");
    return 2;
}

var clock = Stopwatch.StartNew();
var startedAt = DateTime.UtcNow.AddSeconds(-1);
var api = new Client(new Uri(args[0]));
var mailFolder = args[3];
var random = new Random(2026);
var admin = await api.TokenFor(args[1], args[2]);

var seminars = await api.Get("/api/seminars", admin);
if (seminars.EnumerateArray().Any(s => s.GetProperty("title").GetString() == Demo.SeminarTitle))
{
    Console.WriteLine("The demo engagement is already there.");
    return 3;
}

void Step(string what) => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s  {what}");

// ---- The team: a facilitator, programme staff, a moderator and two analysts (who double-code) ----------------
var team = new Dictionary<string, string>();
var teamPassword = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y');
foreach (var (email, name, role) in Demo.Team)
{
    await api.Send(HttpMethod.Post, "/api/admin/accounts", new { email, displayName = name, roles = new[] { role }, password = teamPassword }, admin, HttpStatusCode.Conflict);
    team[role] = await api.TokenFor(email, teamPassword);
}
var (facilitator, programme, moderator) = (team["Facilitator"], team["ProgrammeStaff"], team["Moderator"]);
var analysts = Demo.Team.Where(t => t.Role == "Analyst").Select(t => t.Email).ToArray();
var analystTokens = new[] { await api.TokenFor(analysts[0], teamPassword), await api.TokenFor(analysts[1], teamPassword) };
var analystIds = new List<Guid>();
foreach (var token in analystTokens) analystIds.Add((await api.Get("/api/staff/me", token)).GetProperty("id").GetGuid());
Step("team accounts");

// ---- 1. The seminar: invitations, replies, problems on the day (duplicates merged), dots by interest group ------
// Engage stamps every step with the real time, so the seminar is dated today, at the time its invitations go out.
var seminarStart = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, DateTime.UtcNow.Day, DateTime.UtcNow.Hour, DateTime.UtcNow.Minute, 0, TimeSpan.Zero);
var seminarId = await api.Create("/api/seminars", new
{
    title = Demo.SeminarTitle, purpose = Demo.Purpose, startsAt = seminarStart, format = "Hybrid",
    venue = "Leeds City Conference Centre", joiningLink = "https://meet.example.org/acp-seminar", agenda = Demo.Agenda, dotsPerAttendee = 5
}, facilitator);
var invitees = new Dictionary<string, Guid>();
foreach (var leader in Demo.Leaders)
    invitees[leader.Email] = await api.Create($"/api/seminars/{seminarId}/invitees",
        new { name = leader.Name, email = leader.Email, organisation = leader.Organisation, interestGroup = leader.Group, role = leader.Role }, facilitator);
await api.Post($"/api/seminars/{seminarId}/invitations", null, facilitator);
var attendPattern = new Regex($@"/seminars/{seminarId}/attend/([A-Za-z0-9_-]+)");
var attendTokens = await Client.Until("the seminar invitations", () =>
{
    var links = Mailbox.Links(mailFolder, attendPattern, startedAt);
    return Task.FromResult(Demo.Leaders.All(l => links.ContainsKey(l.Email)) ? links : null);
});
foreach (var leader in Demo.Leaders.Where(l => l.Reply is not null))
    await api.Post($"/api/seminars/{seminarId}/attend/{attendTokens[leader.Email]}/rsvp", new { accept = leader.Reply }, null);
foreach (var leader in Demo.Leaders)
    await api.Put($"/api/seminars/{seminarId}/invitees/{invitees[leader.Email]}/attendance", new { attended = leader.Attended }, facilitator);

// On the day each attendee writes the problems they see through their own link; the facilitator merges duplicates.
var problemIds = new Dictionary<string, Guid>();
foreach (var problem in Demo.Problems)
    problemIds[problem.Key] = (await api.Post($"/api/seminars/{seminarId}/attend/{attendTokens[problem.By]}/problems",
        new { text = problem.Text, whyItMatters = problem.Why, whoIsAffected = problem.Who }, null)).GetProperty("id").GetGuid();
foreach (var (keep, merged) in Demo.Duplicates)
    await api.Post($"/api/seminars/{seminarId}/problems/merge", new { keepProblemId = problemIds[keep], mergeProblemIds = merged.Select(m => problemIds[m]).ToArray() }, facilitator);

var candidateThemes = new List<Guid>();
foreach (var theme in Demo.Themes)
    candidateThemes.Add(await api.Create($"/api/seminars/{seminarId}/themes", new
    {
        title = theme.Title, description = theme.Description,
        problemIds = theme.ProblemKeys.Select(k => problemIds[k]).ToArray(), prompts = theme.Prompts, seeds = theme.Seeds
    }, facilitator));
foreach (var leader in Demo.Leaders.Where(l => l.Attended))
    await api.Put($"/api/seminars/{seminarId}/attend/{attendTokens[leader.Email]}/dots",
        new { dots = leader.Dots.Select((n, i) => (n, i)).Where(x => x.n > 0).ToDictionary(x => candidateThemes[x.i], x => x.n) }, null);
// The three themes with the most dots go to the workshop; the fourth stays in the seminar's record.
var agreed = candidateThemes.Where((_, i) => Demo.Themes[i].Carried).ToArray();
await api.Send(HttpMethod.Post, $"/api/seminars/{seminarId}/conclude", new { themeIds = agreed }, facilitator);
Step($"seminar concluded: {Demo.Leaders.Length} invitees, {Demo.Problems.Length} problem statements ({Demo.Duplicates.Sum(d => d.Merged.Length)} merged), dots placed");

// ---- 2. The national workshop: 320 people join, post, reply, report posts and vote; moderators decide; it closes --
var workshopId = await WorkshopOf(seminarId);
await api.Put($"/api/workshops/{workshopId}", new
{
    title = "Advanced Clinical Practice: the national workshop",
    introduction = Demo.WorkshopIntroduction, closesAt = DateTimeOffset.UtcNow.AddDays(14), minimumGroupSize = 5,
    themes = await ThemeSettings(workshopId)
}, programme);
await api.Post($"/api/workshops/{workshopId}/open", null, programme);
var themes = await ThemeIds(workshopId);
var seeds = 0;
for (var i = 0; i < themes.Count; i++)
    foreach (var seed in Demo.Themes.Where(t => t.Carried).ElementAt(i).Seeds)
    {
        await api.Post($"/api/workshops/{workshopId}/themes/{themes[i]}/contributions", new { text = seed }, programme);
        seeds++;
    }
var people = await Join(workshopId, "acp", Professions, random);
Step($"workshop open, {people.Count} people joined by their emailed links");

var posts = new List<Post>();
var contributions = 0;
// Ideas first, from many hands (a few people write a lot, most write one or two).
var ideas = new List<(Person Who, Strand Strand, string Text)>();
var texts = new HashSet<string>();
while (ideas.Count < 575)
{
    var who = people[(int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * people.Count)];
    var strand = PickStrand(who.Camp, random);
    var text = Compose(strand, who.Profession, random);
    if (texts.Add(text)) ideas.Add((who, strand, text));
}
await Client.ForEach(ideas, 12, async idea =>
{
    var accepted = await api.Post($"/api/workshops/{workshopId}/themes/{themes[idea.Strand.Theme]}/contributions", new { text = idea.Text }, idea.Who.Token);
    lock (posts) posts.Add(new Post(accepted.GetProperty("id").GetGuid(), idea.Who, idea.Strand, idea.Text, null));
});
var held = new List<Guid>();
foreach (var (theme, text) in Held)
{
    var accepted = await api.Post($"/api/workshops/{workshopId}/themes/{themes[theme]}/contributions", new { text }, people[random.Next(people.Count)].Token);
    held.Add(accepted.GetProperty("id").GetGuid());
}
// Replies: people answer ideas they feel strongly about, for or against.
var replies = new List<(Person Who, Post Parent, string Text)>();
while (replies.Count < 120)
{
    var parent = posts[random.Next(posts.Count)];
    var who = people[random.Next(people.Count)];
    if (who == parent.Author) continue;
    var reply = Reply(parent.Strand, random.NextDouble() < AgreeChance(who.Camp, parent.Strand.Stance), random);
    if (texts.Add(reply)) replies.Add((who, parent, reply));
}
var replyPosts = new List<Post>();
await Client.ForEach(replies, 12, async reply =>
{
    var accepted = await api.Post($"/api/workshops/{workshopId}/themes/{themes[reply.Parent.Strand.Theme]}/contributions",
        new { text = reply.Text, parentId = reply.Parent.Id }, reply.Who.Token);
    lock (replyPosts) replyPosts.Add(new Post(accepted.GetProperty("id").GetGuid(), reply.Who, reply.Parent.Strand, reply.Text, reply.Parent.Id));
});
contributions = posts.Count + replyPosts.Count + held.Count;
Step($"{posts.Count} ideas, {replyPosts.Count} replies, {held.Count} held by the automatic checks");

// Votes: most people vote on the ideas most in view (the theme pages' "most agreed" and "newest" lists), so
// the same ideas gather many votes, as in a real workshop; each person votes the way their camp leans, with a few passes.
var pool = posts.OrderBy(_ => random.Next()).Take(90).ToList();
var votes = 0;
var votesOn = new System.Collections.Concurrent.ConcurrentDictionary<Guid, int>();
await Client.ForEach(people, 16, async person =>
{
    var mine = new Random(person.Number);
    foreach (var post in pool.Where(p => p.Author != person).OrderBy(_ => mine.Next()).Take(10 + mine.Next(9)))
    {
        var chance = AgreeChance(person.Camp, post.Strand.Stance);
        var vote = mine.NextDouble() < 0.09 ? "pass" : mine.NextDouble() < chance ? "agree" : "disagree";
        await api.Put($"/api/contributions/{post.Id}/vote", new { vote }, person.Token);
        Interlocked.Increment(ref votes);
        votesOn.AddOrUpdate(post.Id, 1, (_, n) => n + 1);
    }
});
Step($"{votes:N0} votes");

// People report a few posts; moderators decide on the reports and on what the checks held.
var reported = posts.Where(p => p.Parent is null).OrderBy(_ => random.Next()).Take(9).ToList();
for (var i = 0; i < reported.Count; i++)
    foreach (var flagger in people.Where(p => p != reported[i].Author).OrderBy(_ => random.Next()).Take(1 + i % 3))
        await api.Post($"/api/contributions/{reported[i].Id}/flags", new { reason = FlagReasons[(i + flagger.Number) % FlagReasons.Length] }, flagger.Token);
for (var i = 0; i < reported.Count - 2; i++)
    await api.Post($"/api/contributions/{reported[i].Id}/moderation", i == 0
        ? new { decision = "reject", reason = "Names a team at a trust, which could identify colleagues." }
        : new { decision = "keep", reason = "A fair view on the question, put politely." }, moderator);
await api.Post($"/api/contributions/{held[0]}/moderation", new { decision = "redact", reason = "Contact details removed.",
    text = "Happy to share our supervision framework with anyone who wants it." }, moderator);
await api.Post($"/api/contributions/{held[1]}/moderation", new { decision = "reject", reason = "A personal job request, with a phone number." }, moderator);
await api.Post($"/api/contributions/{held[2]}/moderation", new { decision = "approve" }, moderator);
await api.Post($"/api/contributions/{held[5]}/moderation", new { decision = "redact", reason = "A patient's NHS number removed.",
    text = "My patient was upset that nobody explained who I was. We need better introductions." }, moderator);
await api.Post($"/api/workshops/{workshopId}/close", null, programme);
Step("reports decided, workshop closed");

// ---- 3. Analysis: the corpus, a versioned codebook, coding, a double-coded sample, discovery, groups, recommendations --
// Every idea and reply, the seeds, the three held posts a moderator let through, less the one removed after reports.
var published = posts.Count + replyPosts.Count + seeds + 3 - 1;
var corpus = workshopId;
await Client.Until("Analysis to hold the whole workshop", async () =>
{
    var state = await api.Get($"/api/analysis/workshops/{workshopId}", analystTokens[0]);
    var items = state.GetProperty("items").EnumerateArray().ToList();
    var counted = items.Sum(i => i.GetProperty("agree").GetInt32() + i.GetProperty("disagree").GetInt32() + i.GetProperty("pass").GetInt32());
    return state.GetProperty("closed").GetBoolean() && items.Count >= published && counted >= votes - votesOn.GetValueOrDefault(reported[0].Id) ? "yes" : null;
}, 120);
Step("Analysis holds every contribution and vote");

var codes = new Dictionary<string, Guid>();
var parents = new List<Guid>();
foreach (var title in Demo.Themes.Where(t => t.Carried).Select(t => t.Title))
    parents.Add(await api.Create($"/api/analysis/corpora/{corpus}/codebook/codes", new { name = title, definition = $"Everything said about {title.ToLowerInvariant()}." }, analystTokens[0]));
foreach (var strand in Strands)
    codes[strand.Key] = await api.Create($"/api/analysis/corpora/{corpus}/codebook/codes",
        new { name = strand.Code, definition = strand.Definition, parentId = parents[strand.Theme], example = strand.Points[0] }, analystTokens[0]);
// The codebook moves on as analysts learn: the second version sharpens one definition.
await api.Put($"/api/analysis/corpora/{corpus}/codebook/codes/{codes["oversight"]}", new
{
    name = "Medical oversight", parentId = parents[0], definition = "Advanced practice should keep clear senior medical supervision and limits on scope.",
    inclusion = "Supervision by a named consultant; escalation to a doctor; limits on discharge or diagnosis.",
    exclusion = "Supervision of trainees while they learn (code as 'A named supervisor with time')."
}, analystTokens[0]);

// The post removed after reports left the corpus with its replies still there.
var everything = posts.Concat(replyPosts).Where(p => p.Id != reported[0].Id).ToList();
await Client.ForEach(everything, 12, post => api.Post($"/api/analysis/corpora/{corpus}/items/{post.Id}/codings", new { codeId = codes[post.Strand.Key] }, analystTokens[0]));
foreach (var post in everything.Where(p => p.Parent is null).OrderBy(_ => random.Next()).Take(40))
    await api.Put($"/api/analysis/corpora/{corpus}/items/{post.Id}/mark", new { kind = post.Strand.Stance is Stance.KeepLocal or Stance.MedicalOversight ? "problem" : "solution" }, analystTokens[0]);
Step($"codebook of {codes.Count + parents.Count} codes (2 versions), {everything.Count} items coded");

// A blind double-coding sample of 60: the second analyst agrees mostly, not always, as real coders do.
var sample = await api.Post($"/api/analysis/corpora/{corpus}/samples", new { size = 60, coderIds = analystIds, seed = 11 }, analystTokens[0]);
var sampleId = sample.GetProperty("id").GetGuid();
var sampleItems = (await api.Get($"/api/analysis/corpora/{corpus}/samples/{sampleId}", analystTokens[0])).GetProperty("itemIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
var byId = everything.ToDictionary(p => p.Id);
foreach (var item in sampleItems)
{
    var strand = byId.TryGetValue(item, out var p) ? p.Strand : Strands[0];
    var judged = random.NextDouble() < 0.84 ? strand : Strands.Where(s => s.Theme == strand.Theme && s != strand).ElementAt(random.Next(Strands.Count(s => s.Theme == strand.Theme) - 1));
    await api.Post($"/api/analysis/corpora/{corpus}/items/{item}/codings", new { codeId = codes[judged.Key] }, analystTokens[1]);
    foreach (var token in analystTokens) await api.Post($"/api/analysis/corpora/{corpus}/samples/{sampleId}/items/{item}/done", null, token);
}
var reliability = await api.Get($"/api/analysis/corpora/{corpus}/reliability?sampleId={sampleId}", analystTokens[0]);
Step($"double-coded sample of {sampleItems.Count}: Krippendorff's alpha {reliability.GetProperty("krippendorffAlpha")}");

var job = await api.Post($"/api/analysis/corpora/{corpus}/theme-discovery", new { themes = 8, seed = 7 }, analystTokens[0]);
var jobId = job.GetProperty("jobId").GetGuid();
var discovery = await Client.Until("theme discovery", async () =>
{
    var state = await api.Get($"/api/analysis/corpora/{corpus}/theme-discovery/{jobId}", analystTokens[0]);
    return state.GetProperty("status").GetString() switch
    {
        "done" => "done",
        "failed" => throw new InvalidOperationException("Theme discovery failed: " + state.GetProperty("error")),
        _ => null
    };
}, 90);
var groups = await api.Get($"/api/analysis/corpora/{corpus}/opinion-groups", analystTokens[0]);
Step($"theme discovery run, opinion groups found");

var quotes = new List<Guid>();
foreach (var strand in Strands.Where((_, i) => i % 2 == 0))
    if (posts.FirstOrDefault(p => p.Strand == strand && p.Text.Length > 120) is { } quoted)
        quotes.Add(await api.Create($"/api/analysis/corpora/{corpus}/quotes", new { itemId = quoted.Id, note = $"Says it plainly: {strand.Code.ToLowerInvariant()}." }, analystTokens[0]));
var recommendations = new List<Guid>();
foreach (var r in Demo.Recommendations)
    recommendations.Add(await api.Create($"/api/analysis/corpora/{corpus}/recommendations", new
    {
        title = r.Title, description = r.Description, audience = r.Audience, priority = r.Priority,
        themeIds = r.Strands.Select(k => codes[k]).ToArray(), codeIds = r.Strands.Select(k => codes[k]).ToArray()
    }, analystTokens[0]));
await api.Post($"/api/analysis/corpora/{corpus}/publish", new { title = "What we heard about Advanced Clinical Practice" }, analystTokens[0]);
Step($"{quotes.Count} quotes, {recommendations.Count} recommendations, analysis published");

// ---- 4. The report: narrative, version 1 published (participants who asked are emailed), progress recorded -------
var reportId = await Client.Until("the draft report", async () =>
{
    var list = await api.Get($"/api/reports?workshopId={workshopId}", programme);
    return list.GetArrayLength() > 0 ? (object)list[0].GetProperty("id").GetGuid() : null;
}, 60) is Guid id ? id : default;
foreach (var (section, text) in Demo.Narrative)
    await api.Put($"/api/reports/{reportId}/narrative/{section}", new { text }, programme);
await api.Post($"/api/reports/{reportId}/publish", null, programme);
await Client.Until("the report to reach the workshop", async () =>
    (await api.Get($"/api/workshops/{workshopId}", programme)).GetProperty("reports").GetArrayLength() > 0 ? "yes" : null);
var publishedRecommendations = (await api.Get($"/api/reports/{reportId}", programme)).GetProperty("analysis").GetProperty("recommendations").EnumerateArray()
    .Select(r => r.GetProperty("recommendationId").GetGuid()).ToList();
foreach (var (index, progress, note) in Demo.Progress)
    await api.Post($"/api/reports/{reportId}/recommendations/{publishedRecommendations[index]}/progress", new { progress, note }, programme);
Step("report version 1 published, progress recorded on 3 recommendations");

// ---- 5. A second workshop, still open: try joining and posting ------------------------------------------------------
var followUp = await api.Create("/api/seminars", new
{
    title = Demo.FollowUpTitle, purpose = Demo.FollowUpPurpose, startsAt = seminarStart, format = "Online", joiningLink = "https://meet.example.org/acp-primary-care"
}, facilitator);
var followUpProblem = await api.Create($"/api/seminars/{followUp}/problems", new { text = Demo.FollowUpProblem, interestGroup = "Employers" }, facilitator);
var followUpThemes = new List<Guid>();
foreach (var (title, description, prompt) in Demo.FollowUpThemes)
    followUpThemes.Add(await api.Create($"/api/seminars/{followUp}/themes",
        new { title, description, problemIds = new[] { followUpProblem }, prompts = new[] { prompt }, seeds = Array.Empty<string>() }, facilitator));
await api.Send(HttpMethod.Post, $"/api/seminars/{followUp}/conclude", new { themeIds = followUpThemes }, facilitator);
var openId = await WorkshopOf(followUp);
await api.Put($"/api/workshops/{openId}", new
{
    title = "Trainee ACPs in primary care", introduction = Demo.FollowUpIntroduction, closesAt = DateTimeOffset.UtcNow.AddDays(9), minimumGroupSize = 5,
    themes = await ThemeSettings(openId)
}, programme);
await api.Post($"/api/workshops/{openId}/open", null, programme);
var openThemes = await ThemeIds(openId);
var early = await Join(openId, "pc", [("Nurse", 14), ("Paramedic", 6), ("Pharmacist", 6), ("Physiotherapist", 4), ("Doctor", 5), ("Manager", 5)], random);
var earlyPosts = new List<Guid>();
foreach (var who in early.Take(36))
{
    var strand = Strands.Where(s => s.Key is "supervision" or "studytime" or "backfill" or "workbased" or "retention").ElementAt(random.Next(5));
    var text = Compose(strand, who.Profession, random).Replace("a trust", "a practice");
    var accepted = await api.Post($"/api/workshops/{openId}/themes/{openThemes[strand.Theme == 1 ? 0 : 1]}/contributions", new { text }, who.Token);
    earlyPosts.Add(accepted.GetProperty("id").GetGuid());
}
await api.Post($"/api/workshops/{openId}/themes/{openThemes[0]}/contributions",
    new { text = "Our training hub keeps a list of GP supervisors, ring 0113 496 0777 and ask for the ACP lead." }, early[^1].Token);
await Client.ForEach(early, 6, async person =>
{
    foreach (var post in earlyPosts.OrderBy(_ => random.Next()).Take(8))
        await api.Send(HttpMethod.Put, $"/api/contributions/{post}/vote", new { vote = random.NextDouble() < 0.7 ? "agree" : "disagree" }, person.Token, HttpStatusCode.Forbidden, HttpStatusCode.Conflict);
});
await api.Post($"/api/contributions/{earlyPosts[3]}/flags", new { reason = "This seems to be about one named practice." }, early[10].Token);
Step($"second workshop open: {early.Count} people, {earlyPosts.Count + 1} posts so far");

Console.WriteLine($"Demo engagement seeded in {clock.Elapsed.TotalSeconds:F1} s ({api.Requests:N0} requests): seminar {seminarId}, " +
                  $"workshop {workshopId} (closed: {people.Count} people, {contributions} contributions, {votes:N0} votes), report {reportId} (version 1), " +
                  $"workshop {openId} (open). The team's accounts share the password in .data/demo-team-password.");
File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mailFolder))!, "demo-team-password"),
    string.Join("\n", Demo.Team.Select(t => $"{t.Email} ({t.Role})")) + $"\npassword: {teamPassword}\n");
return 0;

async Task<Guid> WorkshopOf(Guid seminar) =>
    // The Workshop module drafts the workshop when it receives SeminarConcluded.
    (await Client.Until("the workshop drafted from the seminar", async () =>
    {
        var list = await api.Get($"/api/workshops?seminarId={seminar}", programme);
        return list.GetArrayLength() > 0 ? (object)list[0].GetProperty("id").GetGuid() : null;
    })) is Guid found ? found : default;

async Task<List<Guid>> ThemeIds(Guid workshop) =>
    (await api.Get($"/api/workshops/{workshop}", programme)).GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();

async Task<object[]> ThemeSettings(Guid workshop) =>
    (await api.Get($"/api/workshops/{workshop}", programme)).GetProperty("themes").EnumerateArray().Select(t => (object)new
    {
        id = t.GetProperty("id").GetGuid(), title = t.GetProperty("title").GetString(), description = t.GetProperty("description").GetString(),
        prompts = t.GetProperty("prompts").EnumerateArray().Select(p => p.GetString()).ToArray(),
        seeds = t.GetProperty("seeds").EnumerateArray().Select(p => p.GetString()).ToArray()
    }).ToArray();

// People join with consent and a profile, then sign in with the link Engage emails them.
async Task<List<Person>> Join(Guid workshop, string prefix, (string Profession, int Count)[] professions, Random random)
{
    var joined = professions.SelectMany(p => Enumerable.Repeat(p.Profession, p.Count)).OrderBy(_ => random.Next())
        .Select((profession, i) => new Person(i + 1, $"{prefix}.{i + 1:D3}@example.org", profession, CampOf(profession), Demo.Profile(profession, random), random.NextDouble() < 0.35))
        .ToList();
    await Client.ForEach(joined, 12, person => api.Send(HttpMethod.Post, $"/api/workshops/{workshop}/participants",
        new { email = person.Email, consent = true, showProfession = person.Number % 3 != 0, emailUpdates = person.Updates, profile = person.Profile }, null));
    var linkPattern = new Regex(@"/account/link/([A-Za-z0-9_-]{20,100})");
    var links = await Client.Until("everyone's sign-in link", () =>
    {
        var found = Mailbox.Links(mailFolder, linkPattern, startedAt);
        return Task.FromResult(joined.All(p => found.ContainsKey(p.Email)) ? found : null);
    }, 90);
    await Client.ForEach(joined, 12, async person =>
        person.Token = (await api.Post("/api/auth/participant-token", new { linkToken = links[person.Email] }, null)).GetProperty("accessToken").GetString()!);
    return joined;
}

sealed record Person(int Number, string Email, string Profession, Camp Camp, Dictionary<string, string> Profile, bool Updates)
{
    public string Token { get; set; } = "";
}

sealed record Post(Guid Id, Person Author, Strand Strand, string Text, Guid? Parent);
