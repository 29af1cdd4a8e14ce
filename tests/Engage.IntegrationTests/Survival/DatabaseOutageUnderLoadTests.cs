using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Engage.IntegrationTests.Survival;

/// <summary>
/// PostgreSQL stops while participants are posting and voting through a host process. While it is
/// down every write is answered 503 (never 500, never left hanging) and readiness fails; when it is
/// back the host recovers by itself within 10 s, and everything acknowledged before, during or after
/// is kept and reaches Analysis.
/// </summary>
[Trait("Category", "Survival")]
[Collection(nameof(when_postgresql_stops_under_load))]
public sealed class when_postgresql_stops_under_load(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 6;
    private readonly ThrowawayCluster cluster = new("engage_outage_load");
    private string connection = "";
    private HostProcess? host;

    public async Task InitializeAsync()
    {
        connection = cluster.Start();
        // Short timeouts, as a real deployment sets them, so a request fails fast instead of waiting out the outage.
        host = await HostProcess.Start(connection + ";Timeout=3;Command Timeout=5", cluster.Folder("mail"),
            ThrowawayCluster.FreePortOutsideEphemeralRange(), cluster.Folder("host.log"));
    }

    [Fact]
    public async Task writes_are_refused_with_503_while_it_is_down_and_nothing_acknowledged_is_lost()
    {
        var engagement = await ProcessEngagement.Open(host!, cluster.Folder("mail"), Writers);
        var contributions = new ConcurrentDictionary<Guid, bool>();
        var votes = new ConcurrentBag<(Guid Contribution, string Value)>();
        var answers = new ConcurrentDictionary<string, int>();
        var down = false;
        var warmedUp = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();

        var writers = engagement.ParticipantTokens.Select((token, p) => Task.Run(async () =>
        {
            using var client = host!.Client(token);
            client.Timeout = TimeSpan.FromSeconds(15);
            var voted = new HashSet<Guid>();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var during = Volatile.Read(ref down) ? "while down" : "while up";
                try
                {
                    var posted = await client.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                        new { text = $"Participant {p} on supervision, point {n}" }, stop.Token);
                    answers.AddOrUpdate($"{(int)posted.StatusCode} {during}", 1, (_, c) => c + 1);
                    if (posted.StatusCode == HttpStatusCode.Created) contributions[(await posted.Read<JsonElement>()).GetProperty("id").GetGuid()] = true;
                    if (contributions.Keys.FirstOrDefault(c => !voted.Contains(c)) is var target && target != Guid.Empty)
                    {
                        var value = new[] { "agree", "disagree", "pass" }[n % 3];
                        var cast = await client.PutAsJsonAsync($"/api/contributions/{target}/vote", new { vote = value }, stop.Token);
                        answers.AddOrUpdate($"{(int)cast.StatusCode} {during}", 1, (_, c) => c + 1);
                        if (cast.StatusCode == HttpStatusCode.NoContent)
                        {
                            voted.Add(target);
                            votes.Add((target, value));
                        }
                    }
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested) { answers.AddOrUpdate($"no answer in 15 s {during}", 1, (_, c) => c + 1); }
                catch (OperationCanceledException) { }
                if (contributions.Count >= 30) warmedUp.TrySetResult();
            }
        })).ToList();

        await warmedUp.Task.WaitAsync(TimeSpan.FromSeconds(120));
        using var anonymous = host!.Client();
        cluster.Stop();
        Volatile.Write(ref down, true);
        await ProcessEngagement.EventuallyValue(async () => (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable ? true : (bool?)null,
            "failing readiness", seconds: 15);
        await ProcessEngagement.EventuallyValue(() => Task.FromResult(answers.Keys.Count(k => k.EndsWith("while down")) > 0 && answers.Where(a => a.Key.EndsWith("while down")).Sum(a => a.Value) >= 20 ? true : (bool?)null),
            "answers while PostgreSQL is down", seconds: 30);

        cluster.Start();
        var back = Stopwatch.StartNew();
        using var participant = host.Client(engagement.ParticipantTokens[0]);
        await ProcessEngagement.EventuallyValue(async () =>
        {
            try
            {
                var posted = await participant.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions", new { text = "Posted once PostgreSQL is back" });
                if (posted.StatusCode != HttpStatusCode.Created) return (bool?)null;
                contributions[(await posted.Read<JsonElement>()).GetProperty("id").GetGuid()] = true;
                return true;
            }
            catch (HttpRequestException) { return null; }
        }, "write accepted after PostgreSQL came back", seconds: 30);
        var recovered = back.Elapsed;
        Volatile.Write(ref down, false);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        stop.Cancel();
        await Task.WhenAll(writers);

        EngagementData.State? last = null;
        var (workshop, _) = await ProcessEngagement.Eventually(async () =>
        {
            var state = last = await EngagementData.Read(connection, engagement.WorkshopId);
            return state.AnalysisHoldsWhatTheWorkshopHolds ? state : null;
        }, "Analysis holding what the Workshop holds", seconds: 90).ContinueWith(async t =>
        {
            if (!t.IsFaulted) return t.Result;
            var dead = await EngagementData.Count(connection, "select count(*) from wolverine.wolverine_dead_letters");
            var incoming = await EngagementData.Count(connection, "select count(*) from wolverine.wolverine_incoming_envelopes");
            throw new Xunit.Sdk.XunitException($"{t.Exception!.InnerException!.Message} Workshop: {last!.Workshop.Items.Count} items, {last.Workshop.Votes.Values.Sum()} votes; " +
                $"Analysis: {last.Analysis.Items.Count} items, {last.Analysis.Votes.Values.Sum()} votes; {dead} dead letters, {incoming} incoming envelopes.\n{host!.Tail(60)}");
        }).Unwrap();
        output.WriteLine($"Recovered {recovered.TotalSeconds:F1} s after PostgreSQL started; answers: {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}");

        Assert.True(recovered < TimeSpan.FromSeconds(10), $"the first write was accepted {recovered.TotalSeconds:F1} s after PostgreSQL started");
        var whileDown = answers.Where(a => a.Key.EndsWith("while down")).ToDictionary(a => a.Key, a => a.Value);
        Assert.All(whileDown.Keys, answer => Assert.True(answer.StartsWith("503") || answer.StartsWith("201") || answer.StartsWith("204"),
            $"While PostgreSQL was down the API answered '{answer}'."));
        Assert.Contains("503 while down", whileDown.Keys);
        Assert.Subset(workshop.Items, contributions.Keys.ToHashSet());
        foreach (var ((contribution, value), count) in votes.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()))
            Assert.True(workshop.Votes.GetValueOrDefault((contribution, value)) >= count, $"An acknowledged '{value}' on {contribution} is missing.");
    }

    public async Task DisposeAsync()
    {
        try { if (host is not null) await host.DisposeAsync(); }
        finally { cluster.Remove(); }
    }
}
