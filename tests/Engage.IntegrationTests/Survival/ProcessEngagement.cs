using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using MimeKit;

namespace Engage.IntegrationTests.Survival;

/// <summary>
/// An open workshop on a host process, made as programme staff make one (a concluded seminar's theme),
/// with participants who joined by their emailed links: everything through the public API.
/// </summary>
public sealed class ProcessEngagement
{
    public required string StaffToken { get; init; }
    public required Guid WorkshopId { get; init; }
    public required Guid ThemeId { get; init; }
    public required IReadOnlyList<string> ParticipantTokens { get; init; }

    public static async Task<ProcessEngagement> Open(HostProcess host, string mailFolder, int participants, Func<object>? settings = null)
    {
        using var anonymous = host.Client();
        var staffToken = (await (await anonymous.PostAsJsonAsync("/api/auth/token", new { email = EngageHost.AdminEmail, password = EngageHost.AdminPassword }))
            .Read<JsonElement>()).GetProperty("accessToken").GetString()!;
        using var staff = host.Client(staffToken);
        var seminar = await Created(await staff.PostAsJsonAsync("/api/seminars", new
        {
            title = "Survival seminar", purpose = "Frame the problems", startsAt = DateTimeOffset.UtcNow.AddDays(-7), format = "Online", venue = "Online",
            joiningLink = "https://meet.example.org/survival"
        }));
        var theme = await Created(await staff.PostAsJsonAsync($"/api/seminars/{seminar}/themes",
            new { title = "Supervision", description = "What support do trainees need?", prompts = new[] { "What support do trainees need?" }, seeds = Array.Empty<string>() }));
        (await staff.PostAsJsonAsync($"/api/seminars/{seminar}/conclude", new { themeIds = new[] { theme } })).EnsureSuccessStatusCode();

        // The Workshop module hears of the concluded seminar through the outbox.
        var workshopId = await EventuallyValue(async () =>
        {
            var list = await (await staff.GetAsync($"/api/workshops?seminarId={seminar}")).Read<JsonElement[]>();
            return list.Length > 0 ? list[0].GetProperty("id").GetGuid() : (Guid?)null;
        }, "the workshop drafted from the seminar");
        if (settings is not null) Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/workshops/{workshopId}", settings())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsync($"/api/workshops/{workshopId}/open", null)).StatusCode);
        var workshop = await (await staff.GetAsync($"/api/workshops/{workshopId}")).Read<JsonElement>();
        var themeId = workshop.GetProperty("themes")[0].GetProperty("id").GetGuid();

        var emails = Enumerable.Range(0, participants).Select(i => $"survivor{i}.{workshopId:N}@example.org").ToList();
        foreach (var email in emails)
            Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync($"/api/workshops/{workshopId}/participants",
                new { email, consent = true, showProfession = true, profile = new Dictionary<string, string> { ["profession"] = "Nurse", ["region"] = "London" } })).StatusCode);
        var links = await Eventually(() =>
        {
            var found = Directory.Exists(mailFolder)
                ? Directory.GetFiles(mailFolder, "*.eml").Select(f => MimeMessage.Load(f))
                    .Select(m => (To: m.To.Mailboxes.Single().Address, Link: Regex.Match(m.TextBody ?? "", @"/account/link/(\S+)").Groups[1].Value))
                    .Where(m => m.Link.Length > 0).GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Last().Link)
                : [];
            return Task.FromResult(emails.All(found.ContainsKey) ? found : null);
        }, "every participant's sign-in email");
        var tokens = new List<string>();
        foreach (var email in emails)
            tokens.Add((await (await anonymous.PostAsJsonAsync("/api/auth/participant-token", new { linkToken = links[email] })).Read<JsonElement>())
                .GetProperty("accessToken").GetString()!);
        return new ProcessEngagement { StaffToken = staffToken, WorkshopId = workshopId, ThemeId = themeId, ParticipantTokens = tokens };
    }

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Asks until <paramref name="probe"/> answers (at most <paramref name="seconds"/>): work another process
    /// does through its queues can be observed, not awaited.
    /// </summary>
    public static async Task<T> Eventually<T>(Func<Task<T?>> probe, string what, int seconds = 60) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found) return found;
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new Xunit.Sdk.XunitException($"No {what} after {seconds} s.");
            await Task.Delay(100);
        }
    }

    public static async Task<T> EventuallyValue<T>(Func<Task<T?>> probe, string what, int seconds = 60) where T : struct =>
        (T)await Eventually<object>(async () => await probe() is { } value ? value : null, what, seconds);
}
