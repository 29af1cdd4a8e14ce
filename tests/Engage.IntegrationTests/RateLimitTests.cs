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

[Collection(nameof(when_a_participant_writes_too_often))]
public sealed class when_a_participant_writes_too_often : IAsyncLifetime
{
    private readonly string mail = Path.Combine(Path.GetTempPath(), "engage-writes-" + Guid.NewGuid().ToString("N"));
    private IAlbaHost host = null!;

    public async Task InitializeAsync() => host = await EngageHost.Start(mail, null, ("RateLimits__WritesPerMinutePerParticipant", "3"));

    [Fact]
    public async Task the_write_over_their_limit_is_a_429_problem_with_retry_after_and_reading_still_works()
    {
        var themeId = Guid.NewGuid();
        var seminarId = Guid.NewGuid();
        await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.InvokeMessageAndWaitAsync(host,
            new Engage.Seminar.Contracts.SeminarConcluded(seminarId, "W", [new(themeId, "T", "", ["Q?"], [], [])], DateTimeOffset.UtcNow));
        var staff = host.Server.CreateClient();
        var adminToken = await (await staff.PostAsJsonAsync("/api/auth/token", new { email = EngageHost.AdminEmail, password = EngageHost.AdminPassword }))
            .Read<System.Text.Json.JsonElement>();
        staff.DefaultRequestHeaders.Authorization = new("Bearer", adminToken.GetProperty("accessToken").GetString());
        var workshopId = (await (await staff.GetAsync($"/api/workshops?seminarId={seminarId}")).Read<System.Text.Json.JsonElement[]>())[0].GetProperty("id").GetGuid();
        await staff.PostAsync($"/api/workshops/{workshopId}/open", null);

        await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.ExecuteAndWaitAsync(host, async () =>
            await host.Server.CreateClient().PostAsJsonAsync($"/api/workshops/{workshopId}/participants", new { email = "pat@example.org", consent = true }));
        var message = MimeKit.MimeMessage.Load(Directory.GetFiles(mail).Single());
        var linkToken = System.Text.RegularExpressions.Regex.Match(message.TextBody, @"/account/link/(\S+)").Groups[1].Value;
        var participantToken = await (await host.Server.CreateClient().PostAsJsonAsync("/api/auth/participant-token", new { linkToken })).Read<System.Text.Json.JsonElement>();
        var pat = host.Server.CreateClient();
        pat.DefaultRequestHeaders.Authorization = new("Bearer", participantToken.GetProperty("accessToken").GetString());

        var posts = $"/api/workshops/{workshopId}/themes/{themeId}/contributions";
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await pat.PostAsJsonAsync(posts, new { text = $"Idea {i}" })).StatusCode);
        var limited = await pat.PostAsJsonAsync(posts, new { text = "One too many" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await new Browser(host).Get($"/take-part/{workshopId}")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        if (Directory.Exists(mail)) Directory.Delete(mail, true);
    }
}
