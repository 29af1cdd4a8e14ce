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
        // Even-numbered participants write through the first host, odd ones through the second.
        var load = new ParticipantLoad(engagement, (p, token) => (p % 2 == 0 ? first! : second!).Client(token));
        await load.Until(l => l.Contributions.Count >= 60 && l.Votes.Count >= 60, "60 acknowledged contributions and votes");
        // Both hosts stay up until the minute job has run, then one more scheduler poll (Hangfire's 15 s), in
        // which the other host's scheduler would have run it again if each host ran it: an absence, so a wait.
        await ProcessEngagement.Eventually(async () => (await EngagementData.JobRuns(connection, MinuteJob, bothUp.AddSeconds(5))).Count > 0 ? "run" : null,
            "run of the minute job while both hosts are up", seconds: 90);
        await Task.Delay(TimeSpan.FromSeconds(16));
        first!.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        // The second host's participants go on for a moment on their own, then all stop.
        var beforeKill = load.Contributions.Count;
        await load.Until(l => l.Contributions.Count >= beforeKill + 5, "writes through the surviving host");
        await load.StopAsync();

        var (workshop, _) = await EngagementData.CaughtUp(connection, engagement.WorkshopId);
        int throughFirst = load.ByParticipant.Where((_, p) => p % 2 == 0).Sum(), throughSecond = load.ByParticipant.Where((_, p) => p % 2 == 1).Sum();
        output.WriteLine($"{throughFirst} contributions through the first host, {throughSecond} through the second; {load.Votes.Count} votes. " +
                         $"Analysis held everything {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s after the first host was killed.");
        Assert.True(throughFirst > 0 && throughSecond > 0, "The load did not reach both hosts.");
        load.AssertAcknowledgedWritesAreIn(workshop);

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
