using System.Collections.Concurrent;
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
        var contributions = new ConcurrentDictionary<Guid, bool>();
        var votes = new ConcurrentBag<(Guid Contribution, string Value)>();
        var enough = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();

        // Each participant posts, and votes once on others' acknowledged contributions, until stopped.
        var writers = engagement.ParticipantTokens.Select((token, p) => Task.Run(async () =>
        {
            using var client = host!.Client(token);
            var voted = new HashSet<Guid>();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    var posted = await client.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                        new { text = $"Participant {p} on supervision, point {n}: protected time matters" }, stop.Token);
                    if (posted.StatusCode == HttpStatusCode.Created) contributions[(await posted.Read<JsonElement>()).GetProperty("id").GetGuid()] = true;
                    if (contributions.Keys.FirstOrDefault(c => !voted.Contains(c)) is var target && target != Guid.Empty)
                    {
                        voted.Add(target);
                        var value = new[] { "agree", "disagree", "pass" }[n % 3];
                        if ((await client.PutAsJsonAsync($"/api/contributions/{target}/vote", new { vote = value }, stop.Token)).StatusCode == HttpStatusCode.NoContent)
                            votes.Add((target, value));
                    }
                }
                // Refused connections and requests cut by the kill are not acknowledged: nothing to check for them.
                catch (HttpRequestException) { }
                catch (OperationCanceledException) { }
                if (contributions.Count >= 60 && votes.Count >= 60) enough.TrySetResult();
            }
        })).ToList();

        await enough.Task.WaitAsync(TimeSpan.FromSeconds(120));
        host!.Kill();
        stop.Cancel();
        await Task.WhenAll(writers);
        await host.DisposeAsync();

        var restarting = System.Diagnostics.Stopwatch.StartNew();
        await StartHost();
        output.WriteLine($"Killed after {contributions.Count} contributions and {votes.Count} votes were acknowledged; ready again after {restarting.Elapsed.TotalSeconds:F1} s.");
        using (var participant = host.Client(engagement.ParticipantTokens[0]))
        {
            var after = await participant.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                new { text = "Posted after the restart" });
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
            contributions[(await after.Read<JsonElement>()).GetProperty("id").GetGuid()] = true;
        }

        // Analysis has caught up when it holds the same contributions and votes as the Workshop.
        var (workshop, _) = await ProcessEngagement.Eventually(async () =>
        {
            var state = await EngagementData.Read(connection, engagement.WorkshopId);
            return state.AnalysisHoldsWhatTheWorkshopHolds ? state : null;
        }, "Analysis holding what the Workshop holds", seconds: 90);
        output.WriteLine($"Analysis held everything {restarting.Elapsed.TotalSeconds:F1} s after the restart began; stored without an answer: " +
                         $"{workshop.Items.Count - contributions.Count} contributions, {workshop.Votes.Values.Sum() - votes.Count} votes.");

        Assert.Subset(workshop.Items, contributions.Keys.ToHashSet());
        foreach (var ((contribution, value), count) in votes.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()))
            Assert.True(workshop.Votes.GetValueOrDefault((contribution, value)) >= count, $"An acknowledged '{value}' on {contribution} is missing.");
        // At most the requests in flight at the kill can have been stored without an answer.
        Assert.InRange(workshop.Items.Count - contributions.Count, 0, Writers);
        Assert.InRange(workshop.Votes.Values.Sum() - votes.Count, 0, Writers);
        Assert.True(contributions.Count > 60 && votes.Count >= 60, $"{contributions.Count} contributions and {votes.Count} votes were acknowledged.");
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
        using var staff = host.Client(engagement.StaffToken);
        await ProcessEngagement.Eventually(async () =>
            (await (await staff.GetAsync($"/api/workshops/{engagement.WorkshopId}")).Read<JsonElement>()).GetProperty("status").GetString() == "Closed" ? "closed" : null,
            "closing of the workshop after the restart", seconds: 30);
        var closedAfter = DateTimeOffset.UtcNow - restarted;
        var closedAt = (await (await staff.GetAsync($"/api/workshops/{engagement.WorkshopId}")).Read<JsonElement>()).GetProperty("closedAt").GetDateTimeOffset();
        await ProcessEngagement.EventuallyValue(async () =>
            await EngagementData.Count(connection, $"select count(*) from analysis.mt_doc_corpusclosure where id = '{engagement.WorkshopId}'") == 1 ? true : (bool?)null, "closure in Analysis");
        output.WriteLine($"Closed {closedAfter.TotalSeconds:F1} s after the restart began.");
        // Hangfire's missed run happens at start-up, not at the next minute.
        Assert.True(closedAfter < TimeSpan.FromSeconds(30), $"closed {closedAfter.TotalSeconds:F0} s after the restart");
        Assert.True(closedAt >= restarted, $"closed at {closedAt:O}, before the restart at {restarted:O}");
    }

    public async Task DisposeAsync()
    {
        try { if (host is not null) await host.DisposeAsync(); }
        finally { cluster.Remove(); }
    }
}
