using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Engage.IntegrationTests.Survival;

/// <summary>
/// Engage on a PostgreSQL cluster and in an operating-system process of this class's own, killed with
/// SIGKILL mid-load and started again. What the API acknowledged must be there afterwards, in the
/// Workshop and, once its queues drain, in Analysis exactly once; work that fell due while the host
/// was down must happen when it is back.
/// </summary>
[Trait("Category", "Survival")]
[Collection(nameof(when_the_host_is_killed))]
public sealed class when_the_host_is_killed(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 6;
    private readonly ThrowawayCluster cluster = new("engage_crash");
    private readonly int port = ThrowawayCluster.FreePortOutsideEphemeralRange();
    private string connection = "";
    private HostProcess? host;

    public Task InitializeAsync()
    {
        connection = cluster.Start();
        return Task.CompletedTask;
    }

    private async Task<HostProcess> StartHost() =>
        host = await HostProcess.Start(connection, cluster.Folder("mail"), port, cluster.Folder("host.log"));

    [Fact]
    public async Task every_acknowledged_contribution_and_vote_is_kept_and_reaches_analysis_exactly_once()
    {
        var engagement = await ProcessEngagement.Open(await StartHost(), cluster.Folder("mail"), Writers);
        var load = new ParticipantLoad(engagement, (_, token) => host!.Client(token));
        await load.Until(l => l.Contributions.Count >= 60 && l.Votes.Count >= 60, "60 acknowledged contributions and votes");
        host!.Kill();
        await load.StopAsync();
        await host.DisposeAsync();

        var restarting = System.Diagnostics.Stopwatch.StartNew();
        await StartHost();
        output.WriteLine($"Killed after {load.Contributions.Count} contributions and {load.Votes.Count} votes were acknowledged; ready again after {restarting.Elapsed.TotalSeconds:F1} s.");
        using (var participant = host.Client(engagement.ParticipantTokens[0]))
        {
            var after = await participant.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                new { text = "Posted after the restart" });
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
            load.Contributions[(await after.Read<JsonElement>()).GetProperty("id").GetGuid()] = true;
        }

        var (workshop, _) = await EngagementData.CaughtUp(connection, engagement.WorkshopId);
        output.WriteLine($"Analysis held everything {restarting.Elapsed.TotalSeconds:F1} s after the restart began; stored without an answer: " +
                         $"{workshop.Items.Count - load.Contributions.Count} contributions, {workshop.Votes.Values.Sum() - load.Votes.Count} votes.");
        load.AssertAcknowledgedWritesAreIn(workshop);
    }

    [Fact]
    public async Task a_workshop_due_to_close_while_the_host_was_down_closes_once_it_is_back()
    {
        var closesAt = DateTimeOffset.MaxValue;
        var engagement = await ProcessEngagement.Open(await StartHost(), cluster.Folder("mail"), 1, () =>
        {
            closesAt = DateTimeOffset.UtcNow.AddSeconds(10);
            return new { title = "Closing while down", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt, moderation = "Post" };
        });
        host!.Kill();
        await host.DisposeAsync();

        // Down across the closing time and the minute the closing job was due.
        var due = new DateTimeOffset(closesAt.Year, closesAt.Month, closesAt.Day, closesAt.Hour, closesAt.Minute, 0, closesAt.Offset).AddMinutes(1);
        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        Assert.Equal(0, await EngagementData.Count(connection, $"select count(*) from analysis.mt_doc_corpusclosure where id = '{engagement.WorkshopId}'"));

        var restarted = DateTimeOffset.UtcNow;
        await StartHost();
        var ready = DateTimeOffset.UtcNow;
        using var staff = host.Client(engagement.StaffToken);
        // The minute job runs within a minute of the host being ready, whether Hangfire catches up at start or at the next minute.
        await ProcessEngagement.Eventually(async () =>
            (await (await staff.GetAsync($"/api/workshops/{engagement.WorkshopId}")).Read<JsonElement>()).GetProperty("status").GetString() == "Closed" ? "closed" : null,
            "closing of the workshop after the restart", seconds: 65);
        output.WriteLine($"Closed {(DateTimeOffset.UtcNow - ready).TotalSeconds:F1} s after the restarted host was ready.");
        var closedAt = (await (await staff.GetAsync($"/api/workshops/{engagement.WorkshopId}")).Read<JsonElement>()).GetProperty("closedAt").GetDateTimeOffset();
        Assert.True(closedAt >= restarted, $"closed at {closedAt:O}, before the restart at {restarted:O}");
        await ProcessEngagement.EventuallyValue(async () =>
            await EngagementData.Count(connection, $"select count(*) from analysis.mt_doc_corpusclosure where id = '{engagement.WorkshopId}'") == 1 ? true : (bool?)null, "closure in Analysis");
        // Once, not once per missed minute: no two runs of the minute job within seconds of each other.
        var runs = await EngagementData.JobRuns(connection, "Engage.Workshop.Workshops.OpenAndCloseDueWorkshops", restarted);
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second - pair.First > TimeSpan.FromSeconds(30),
            $"The minute job ran at {pair.First:HH:mm:ss} and again at {pair.Second:HH:mm:ss}."));
    }

    public async Task DisposeAsync()
    {
        try { if (host is not null) await host.DisposeAsync(); }
        finally { cluster.Remove(); }
    }
}
