using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Engage.IntegrationTests.Survival;

/// <summary>
/// How Engage grows past one machine: two host processes on one PostgreSQL, the load spread across
/// both. Every contribution reaches Analysis exactly once, the recurring jobs run once per schedule
/// (not once per host), and when one host is killed the other takes over its unfinished work.
/// </summary>
[Trait("Category", "Survival")]
[Collection(nameof(when_two_hosts_share_one_database))]
public sealed class when_two_hosts_share_one_database(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 6;
    private const string MinuteJob = "Engage.Workshop.Workshops.OpenAndCloseDueWorkshops";
    private readonly ThrowawayCluster cluster = new("engage_two_hosts");
    private string connection = "";
    private HostProcess? first, second;

    public async Task InitializeAsync()
    {
        connection = cluster.Start();
        first = await HostProcess.Start(connection, cluster.Folder("mail"), ThrowawayCluster.FreePortOutsideEphemeralRange(), cluster.Folder("first.log"));
        second = await HostProcess.Start(connection, cluster.Folder("mail"), ThrowawayCluster.FreePortOutsideEphemeralRange(), cluster.Folder("second.log"));
    }

    [Fact]
    public async Task the_load_is_shared_jobs_run_once_per_schedule_and_the_survivor_finishes_the_killed_hosts_work()
    {
        var bothUp = DateTimeOffset.UtcNow;
        var engagement = await ProcessEngagement.Open(first!, cluster.Folder("mail"), Writers);
        var contributions = new ConcurrentDictionary<Guid, bool>();
        var votes = new ConcurrentBag<(Guid Contribution, string Value)>();
        var byHost = new int[2];
        var refused = new ConcurrentDictionary<string, int>();
        var enough = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();

        // Even-numbered participants write through the first host, odd ones through the second.
        var writers = engagement.ParticipantTokens.Select((token, p) => Task.Run(async () =>
        {
            using var client = (p % 2 == 0 ? first! : second!).Client(token);
            var voted = new HashSet<Guid>();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    var posted = await client.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                        new { text = $"Participant {p} on supervision, point {n}" }, stop.Token);
                    if (posted.StatusCode == HttpStatusCode.Created)
                    {
                        contributions[(await posted.Read<JsonElement>()).GetProperty("id").GetGuid()] = true;
                        Interlocked.Increment(ref byHost[p % 2]);
                    }
                    else refused.AddOrUpdate($"host {p % 2 + 1} answered {(int)posted.StatusCode}", 1, (_, n) => n + 1);
                    if (contributions.Keys.FirstOrDefault(c => !voted.Contains(c)) is var target && target != Guid.Empty)
                    {
                        voted.Add(target);
                        var value = new[] { "agree", "disagree", "pass" }[n % 3];
                        if ((await client.PutAsJsonAsync($"/api/contributions/{target}/vote", new { vote = value }, stop.Token)).StatusCode == HttpStatusCode.NoContent)
                            votes.Add((target, value));
                    }
                }
                catch (HttpRequestException) { }
                catch (OperationCanceledException) { }
                if (contributions.Count >= 60 && votes.Count >= 60) enough.TrySetResult();
            }
        })).ToList();

        await enough.Task.WaitAsync(TimeSpan.FromSeconds(120));
        // Both hosts stay up across a minute boundary, when both schedulers see the minute job due.
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(62 - now.Second));
        first!.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        // The second host's writers go on for a moment on their own, then all stop.
        var beforeKill = contributions.Count;
        await ProcessEngagement.EventuallyValue(() => Task.FromResult(contributions.Count >= beforeKill + 5 ? true : (bool?)null), "writes through the surviving host");
        stop.Cancel();
        await Task.WhenAll(writers);

        var (workshop, _) = await ProcessEngagement.Eventually(async () =>
        {
            var state = await EngagementData.Read(connection, engagement.WorkshopId);
            return state.AnalysisHoldsWhatTheWorkshopHolds ? state : null;
        }, "Analysis holding what the Workshop holds", seconds: 90);
        output.WriteLine($"{byHost[0]} contributions through the first host, {byHost[1]} through the second; {votes.Count} votes. " +
                         $"Analysis held everything {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s after the first host was killed.");

        foreach (var (answer, count) in refused) output.WriteLine($"{count} x {answer}");
        Assert.True(byHost[0] > 0 && byHost[1] > 0, "The load did not reach both hosts.");
        Assert.Subset(workshop.Items, contributions.Keys.ToHashSet());
        foreach (var ((contribution, value), count) in votes.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()))
            Assert.True(workshop.Votes.GetValueOrDefault((contribution, value)) >= count, $"An acknowledged '{value}' on {contribution} is missing.");
        Assert.InRange(workshop.Items.Count - contributions.Count, 0, Writers);

        // Two schedulers, one run per schedule: runs of the minute job are a minute apart, never seconds.
        var runs = await EngagementData.JobRuns(connection, MinuteJob, bothUp.AddSeconds(5));
        output.WriteLine($"Minute job runs while both hosts were up: {string.Join(", ", runs.Where(r => r < killedAt).Select(r => r.ToString("HH:mm:ss")))}");
        Assert.NotEmpty(runs.Where(r => r < killedAt));
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second - pair.First > TimeSpan.FromSeconds(30),
            $"The minute job ran at {pair.First:HH:mm:ss} and again at {pair.Second:HH:mm:ss}."));
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (first is not null) await first.DisposeAsync();
            if (second is not null) await second.DisposeAsync();
        }
        finally { cluster.Remove(); }
    }
}
