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
    private readonly ThrowawayCluster cluster = new("engage_outage");
    private IAlbaHost? host;

    public async Task InitializeAsync()
    {
        var connection = cluster.Start();
        host = await EngageHost.Start(cluster.Folder("mail"), connection + ";Timeout=3;Command Timeout=5");
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

        cluster.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Server.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Server.CreateClient().GetAsync("/health/live")).StatusCode);
        var during = await api.GetAsync("/api/seminars");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(during.Headers.RetryAfter);
        var refused = await api.PostAsJsonAsync("/api/seminars", new { title = "During the outage" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        cluster.Start();
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
        finally { cluster.Remove(); }
    }
}
