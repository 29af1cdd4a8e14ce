using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Alba;
using Engage.IntegrationTests.Support;
using Engage.Platform.Accounts;

namespace Engage.IntegrationTests;

/// <summary>
/// A throwaway PostgreSQL cluster of this test's own, stopped and started mid-test, so the outage
/// touches no other test. The host must answer 503 (not 500, not hang) and recover by itself.
/// </summary>
[Collection(nameof(when_postgresql_goes_down_and_comes_back))]
public sealed class when_postgresql_goes_down_and_comes_back : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "engage-outage-" + Guid.NewGuid().ToString("N"), "pg");
    private readonly string port = FreePortOutsideEphemeralRange().ToString();

    /// <summary>
    /// A port below Linux's ephemeral range (32768 and up), so no outgoing connection can take it while
    /// the cluster is stopped, and free when chosen.
    /// </summary>
    private static int FreePortOutsideEphemeralRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20000, 30000);
            try
            {
                var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, candidate);
                listener.Start();
                listener.Stop();
                return candidate;
            }
            catch (System.Net.Sockets.SocketException) { }
        }
        throw new InvalidOperationException("No free port found between 20000 and 30000.");
    }
    private IAlbaHost? host;

    private string Cluster(string action)
    {
        var script = Path.Combine(Platform.Web.RepositoryRoot.Find(AppContext.BaseDirectory), "scripts", "postgres.sh");
        var start = new ProcessStartInfo("bash", [script, action, "engage_outage"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ENGAGE_PG_DATA"] = data;
        start.Environment["ENGAGE_PG_PORT"] = port;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var log = Path.Combine(data, "server.log");
        Assert.True(process.ExitCode == 0, $"postgres.sh {action} failed: {errors}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        return output.Trim();
    }

    public async Task InitializeAsync()
    {
        var connection = Cluster("start");
        host = await EngageHost.Start(Path.Combine(data, "..", "mail"), connection + ";Timeout=3;Command Timeout=5");
    }

    [Fact]
    public async Task the_api_answers_503_ready_fails_and_the_host_recovers_within_ten_seconds()
    {
        var host = this.host!;
        var token = (await (await host.Server.CreateClient().PostAsJsonAsync("/api/auth/token",
            new IssueToken(EngageHost.AdminEmail, EngageHost.AdminPassword))).Read<AccessTokenIssued>()).AccessToken;
        var api = host.Server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/seminars")).StatusCode);

        Cluster("stop");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Server.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Server.CreateClient().GetAsync("/health/live")).StatusCode);
        var during = await api.GetAsync("/api/seminars");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(during.Headers.RetryAfter);
        var refused = await api.PostAsJsonAsync("/api/seminars", new { title = "During the outage" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        Cluster("start");
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do status = (await api.GetAsync("/api/seminars")).StatusCode;
        while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await host.Server.CreateClient().GetAsync("/health/ready")).StatusCode);

        // The write refused during the outage was not half-applied.
        var seminars = await (await api.GetAsync("/api/seminars")).Read<System.Text.Json.JsonElement[]>();
        Assert.DoesNotContain(seminars, s => s.GetProperty("title").GetString() == "During the outage");
    }

    public async Task DisposeAsync()
    {
        // The cluster is stopped and removed even when the host fails to stop, so no run leaks one.
        try { if (host is not null) await host.DisposeAsync(); }
        finally
        {
            Cluster("stop");
            Directory.Delete(Path.GetDirectoryName(data)!, true);
        }
    }
}
