using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform.Web;
using MimeKit;
using Xunit.Abstractions;

namespace Engage.IntegrationTests.Demo;

/// <summary>
/// What a newcomer sees after <c>./run.sh</c> on a fresh machine: the demo seed, run as run.sh runs it (a real host
/// process on an empty database, the participant write limits as configured, only the per-address sign-in limit
/// raised), leaves one engagement that has lived every stage, and a second workshop open to try.
/// </summary>
[Trait("Category", "Demo")]
[Collection(nameof(when_the_demo_is_seeded_on_a_fresh_start))]
public sealed class when_the_demo_is_seeded_on_a_fresh_start(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ThrowawayCluster cluster = new("engage_demo");
    private HostProcess? host;

    public async Task InitializeAsync()
    {
        host = await HostProcess.Start(cluster.Start(), cluster.Folder("mail"), ThrowawayCluster.FreePortOutsideEphemeralRange(), cluster.Folder("host.log"),
            ("RateLimits__WritesPerMinutePerParticipant", "60"), ("RateLimits__WritesPerMinutePerAddress", "3000"));
    }

    [Fact]
    public async Task every_stage_is_there_with_its_volume_and_a_second_run_changes_nothing()
    {
        var (code, printed) = await Seed();
        Assert.True(code == 0, $"The seed failed ({code}):\n{printed}\n{host!.Tail()}");
        Assert.Matches(@"Demo engagement seeded in \d+\.\d s", printed);

        var api = host!.Client(await Token());
        var seminar = (await Get(api, "/api/seminars")).EnumerateArray().Single(s => s.GetProperty("title").GetString()!.StartsWith("Advanced Clinical Practice"));
        var seminarId = seminar.GetProperty("id").GetGuid();
        var detail = await Get(api, $"/api/seminars/{seminarId}");
        Assert.Equal("Concluded", detail.GetProperty("status").GetString());
        Assert.True(detail.GetProperty("startsAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow, "The concluded seminar is dated in the future.");
        var invitees = detail.GetProperty("invitees").EnumerateArray().ToList();
        Assert.True(invitees.Count >= 12);
        Assert.Contains(invitees, i => i.GetProperty("rsvp").GetString() == "Declined");
        Assert.True(invitees.Count(i => i.GetProperty("attended").GetBoolean()) >= 10);
        var results = await Get(api, $"/api/seminars/{seminarId}/results");
        Assert.Contains("Medicine", results.GetRawText());
        var problems = await api.GetStringAsync($"/api/seminars/{seminarId}/problems.csv");
        Assert.Contains("The same job title hides very different training", problems);

        var workshops = (await Get(api, $"/api/workshops?seminarId={seminarId}")).EnumerateArray().ToList();
        var workshopId = Assert.Single(workshops).GetProperty("id").GetGuid();
        var dashboard = await Get(api, $"/api/workshops/{workshopId}/dashboard");
        output.WriteLine(dashboard.GetRawText()[..Math.Min(600, dashboard.GetRawText().Length)]);
        var corpus = await Get(api, $"/api/analysis/workshops/{workshopId}");
        Assert.True(corpus.GetProperty("closed").GetBoolean());
        Assert.True(corpus.GetProperty("participants").GetInt32() >= 300);
        var items = corpus.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 600, $"{items.Count} contributions");
        Assert.True(items.Count(i => i.GetProperty("parentId").ValueKind != JsonValueKind.Null) >= 100, "Too few replies.");
        var votes = items.Sum(i => i.GetProperty("agree").GetInt32() + i.GetProperty("disagree").GetInt32() + i.GetProperty("pass").GetInt32());
        Assert.True(votes >= 3000, $"{votes} votes");
        Assert.True(items.Select(i => i.GetProperty("text").GetString()).Distinct().Count() >= items.Count - 5, "Contributions repeat each other.");
        var decisions = await Get(api, $"/api/workshops/{workshopId}/moderation/decisions");
        Assert.Contains(decisions.EnumerateArray(), d => d.GetProperty("decision").GetString() == "redacted");

        var codebook = await Get(api, $"/api/analysis/corpora/{workshopId}/codebook/history");
        Assert.True(codebook.GetArrayLength() >= 2, "The codebook has one version.");
        var samples = await Get(api, $"/api/analysis/corpora/{workshopId}/samples");
        var sampleId = samples[0].GetProperty("id").GetGuid();
        var reliability = await Get(api, $"/api/analysis/corpora/{workshopId}/reliability?sampleId={sampleId}");
        Assert.InRange(reliability.GetProperty("krippendorffAlpha").GetDouble(), 0.6, 0.95);
        var groups = await Get(api, $"/api/analysis/corpora/{workshopId}/opinion-groups");
        Assert.True(groups.GetProperty("groups").GetArrayLength() >= 2, $"Opinion groups: {groups.GetRawText()[..Math.Min(300, groups.GetRawText().Length)]}");
        var recommendations = await Get(api, $"/api/analysis/corpora/{workshopId}/recommendations");
        Assert.Equal(["employers", "individuals", "national-bodies"], recommendations.EnumerateArray().Select(r => r.GetProperty("audience").GetString()).Distinct().Order().ToArray());

        var report = (await Get(api, $"/api/reports?workshopId={workshopId}"))[0];
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal("Published", report.GetProperty("status").GetString());
        var heard = await (await host.Client().GetAsync($"/take-part/{workshopId}/what-we-heard")).Content.ReadAsStringAsync();
        Assert.Contains("You said", heard);
        Assert.Contains("The three regulators have formed a joint working group", heard);
        var mails = Directory.GetFiles(cluster.Folder("mail"), "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        Assert.True(mails.Count(m => m.Subject.StartsWith("What we heard")) >= 50, "Participants who opted in were not told.");
        var invitation = mails.First(m => m.Subject.StartsWith("Invitation:")).TextBody;
        Assert.DoesNotContain("online and online", invitation);

        var open = (await Get(api, "/api/workshops")).EnumerateArray().Where(w => w.GetProperty("status").GetString() == "Open").ToList();
        var openId = Assert.Single(open).GetProperty("id").GetGuid();
        Assert.Contains($"/take-part/{openId}", await host.Client().GetStringAsync("/take-part"));

        var (again, _) = await Seed();
        Assert.Equal(3, again);
        Assert.Single((await Get(api, "/api/seminars")).EnumerateArray(), s => s.GetProperty("title").GetString()!.StartsWith("Advanced Clinical Practice"));
    }

    private async Task<(int Code, string Output)> Seed()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var dll = Path.Combine(root, "tools", "DemoSeed", "bin", framework.Parent!.Name, framework.Name, "Engage.DemoSeed.dll");
        Assert.True(File.Exists(dll), $"The demo seed is not built at {dll}.");
        var start = new ProcessStartInfo("dotnet", [dll, host!.Url.ToString().TrimEnd('/'), EngageHost.AdminEmail, EngageHost.AdminPassword, cluster.Folder("mail")])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var seed = Process.Start(start)!;
        var stdout = seed.StandardOutput.ReadToEndAsync();
        var stderr = seed.StandardError.ReadToEndAsync();
        await seed.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var printed = await stdout + await stderr;
        output.WriteLine(printed);
        return (seed.ExitCode, printed);
    }

    private async Task<string> Token() =>
        (await (await host!.Client().PostAsJsonAsync("/api/auth/token", new { email = EngageHost.AdminEmail, password = EngageHost.AdminPassword }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

    private static async Task<JsonElement> Get(HttpClient api, string url)
    {
        var response = await api.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        cluster.Stop();
        cluster.Remove();
    }
}
