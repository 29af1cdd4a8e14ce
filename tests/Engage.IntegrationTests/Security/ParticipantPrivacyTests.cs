using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Platform.SignInLinks;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.Security;

/// <summary>
/// Participants are anonymous to one another (ARCHITECTURE.md): whatever another participant can reach,
/// through the API or a page, holds none of Alex's email address, sign-in identity or hidden profile answers.
/// </summary>
public class when_a_participant_looks_for_another_participant(EngageHost engage) : WorkshopTest(engage)
{
    private const string AlexEmail = "alex.private@example.org";

    [Fact]
    public async Task no_route_a_participant_may_call_shows_them_another_participants_email_identity_or_hidden_profile()
    {
        await OpenWorkshop();
        // Alex keeps their profession to themselves; Sam is the one looking.
        await Host.ExecuteAndWaitAsync(async () => (await Engage.Client().PostAsJsonAsync($"/api/workshops/{workshopId}/participants",
            new { email = AlexEmail, consent = true, showProfession = false, profile = new Dictionary<string, string> { ["profession"] = "Paramedic", ["region"] = "London" } }))
            .EnsureSuccessStatusCode());
        var alexLink = System.Text.RegularExpressions.Regex.Match(Mails().Last().TextBody, @"/account/link/(\S+)").Groups[1].Value;
        var alex = Engage.Client((await (await Engage.Client().PostAsJsonAsync("/api/auth/participant-token", new { linkToken = alexLink }))
            .Read<JsonElement>()).GetProperty("accessToken").GetString());
        var idea = await Post(alex, "Protected learning time matters");
        await Post(alex, "A reply from Alex", idea.Id);
        var sam = await Join("sam@example.org", profession: "Nurse", region: "North West");
        var samPages = new Browser(Host);
        await samPages.SubmitForm($"/account/link/{await Caller.SignInLinkFor(Engage, "sam@example.org")}", []);

        var secrets = new[] { AlexEmail, "alex.private", ParticipantAccount.IdFor(AlexEmail).ToString(), "Paramedic", "London" };
        var participantRoutes = (await RouteTable.Read(Host.Services))
            .Where(d => d.Method == "GET" && !d.Public && d.Roles!.Contains(Roles.Participant)).ToList();
        Assert.NotEmpty(participantRoutes);
        var seen = new List<string>();
        foreach (var route in participantRoutes)
        {
            var url = Fill(route.Pattern, idea.Id) + (route.Pattern.EndsWith("/similar") ? "?text=protected+learning+time" : "");
            var response = await (route.Api ? sam : samPages.Http).GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            seen.Add($"{url} {(int)response.StatusCode}");
            foreach (var secret in secrets)
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows Sam '{secret}'");
        }
        // The routes were really read, not all refused: Sam sees Alex's idea (under a pseudonym) in the theme.
        Assert.Contains(seen, s => s.Contains("/contributions 200"));

        // The public pages a participant moves through hold no email but their own.
        foreach (var url in new[] { "/take-part", $"/take-part/{workshopId}", $"/take-part/{workshopId}?theme={themeId}", $"/take-part/{workshopId}/my-data" })
        {
            var page = await (await samPages.Get(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(AlexEmail, page);
            Assert.DoesNotContain(ParticipantAccount.IdFor(AlexEmail).ToString(), page);
        }
    }

    [Fact]
    public async Task a_participant_cannot_edit_or_withdraw_another_participants_contribution()
    {
        await OpenWorkshop();
        var alex = await Join(AlexEmail);
        var sam = await Join("sam@example.org");
        var idea = await Post(alex, "Alex's own words");

        var edit = await sam.PutAsJsonAsync($"/api/contributions/{idea.Id}", new { text = "Sam rewrote this" });
        var withdraw = await sam.DeleteAsync($"/api/contributions/{idea.Id}");
        Assert.True(edit.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"edit: {(int)edit.StatusCode}");
        Assert.True(withdraw.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"withdraw: {(int)withdraw.StatusCode}");

        var listed = await (await sam.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions")).Read<JsonElement[]>();
        Assert.Equal("Alex's own words", Assert.Single(listed).GetProperty("text").GetString());
        // Sam's "my data" is Sam's alone.
        var mine = await (await sam.GetAsync($"/api/workshops/{workshopId}/me")).Read<JsonElement>();
        Assert.Empty(mine.GetProperty("contributions").EnumerateArray());
    }

    /// <summary>The route with this workshop, its theme and Alex's contribution in place of its parameters.</summary>
    private string Fill(string pattern, Guid contributionId) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => (m.Groups[1].Value switch
        {
            // Under /api/contributions the id is a contribution's; everywhere else it is the workshop's.
            "id" => pattern.StartsWith("/api/contributions/") ? contributionId : workshopId,
            "themeId" => themeId,
            _ => contributionId
        }).ToString());
}
