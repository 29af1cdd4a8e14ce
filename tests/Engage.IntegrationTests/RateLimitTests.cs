using System.Net;
using System.Net.Http.Json;
using Alba;
using Engage.IntegrationTests.Support;

namespace Engage.IntegrationTests;

[Collection(nameof(when_one_address_tries_to_sign_in_too_often))]
public sealed class when_one_address_tries_to_sign_in_too_often : IAsyncLifetime
{
    private readonly string mail = Path.Combine(Path.GetTempPath(), "engage-limit-" + Guid.NewGuid().ToString("N"));
    private IAlbaHost host = null!;

    public async Task InitializeAsync() => host = await EngageHost.Start(mail, null, ("RateLimits__SignInPerMinute", "3"));

    [Fact]
    public async Task the_attempt_over_the_limit_is_a_429_problem_with_retry_after()
    {
        var client = host.Server.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/token", new { email = $"x{i}@example.org", password = "wrong-password" })).StatusCode);

        var limited = await client.PostAsJsonAsync("/api/auth/token", new { email = EngageHost.AdminEmail, password = EngageHost.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();
}
