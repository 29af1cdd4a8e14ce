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
        var load = new ParticipantLoad(engagement, (_, token) => host!.Client(token)) { Phase = "while up" };
        await load.Until(l => l.Contributions.Count >= 30, "30 acknowledged contributions");

        using var anonymous = host!.Client();
        cluster.Stop();
        load.Phase = "while down";
        await ProcessEngagement.EventuallyValue(async () => (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable ? true : (bool?)null,
            "failing readiness", seconds: 15);
        await load.Until(l => l.Answers.Where(a => a.Key.EndsWith("while down")).Sum(a => a.Value) >= 20, "20 answers while PostgreSQL is down");

        cluster.Start();
        var back = Stopwatch.StartNew();
        using var participant = host.Client(engagement.ParticipantTokens[0]);
        await ProcessEngagement.EventuallyValue(async () =>
        {
            try
            {
                var posted = await participant.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions", new { text = "Posted once PostgreSQL is back" });
                if (posted.StatusCode != HttpStatusCode.Created) return (bool?)null;
                load.Contributions[(await posted.Read<JsonElement>()).GetProperty("id").GetGuid()] = true;
                return true;
            }
            catch (HttpRequestException) { return null; }
        }, "write accepted after PostgreSQL came back", seconds: 30);
        var recovered = back.Elapsed;
        load.Phase = "after";
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        await load.StopAsync();

        var (workshop, _) = await EngagementData.CaughtUp(connection, engagement.WorkshopId);
        output.WriteLine($"Recovered {recovered.TotalSeconds:F1} s after PostgreSQL started; answers: {string.Join(", ", load.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}");

        Assert.True(recovered < TimeSpan.FromSeconds(10), $"the first write was accepted {recovered.TotalSeconds:F1} s after PostgreSQL started");
        // Asked while PostgreSQL was down: refused with 503, or acknowledged once it was back; never a 500, never left hanging.
        var whileDown = load.Answers.Keys.Where(a => a.EndsWith("while down")).ToList();
        Assert.All(whileDown, answer => Assert.True(answer.StartsWith("503") || answer.StartsWith("201") || answer.StartsWith("204"),
            $"While PostgreSQL was down the API answered '{answer}'."));
        Assert.Contains("503 while down", whileDown);
        load.AssertAcknowledgedWritesAreIn(workshop);
    }

    public async Task DisposeAsync()
    {
        try { if (host is not null) await host.DisposeAsync(); }
        finally { cluster.Remove(); }
    }
}
