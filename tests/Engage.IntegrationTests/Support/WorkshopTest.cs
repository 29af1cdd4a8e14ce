using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.Platform;
using Engage.Seminar.Contracts;
using MimeKit;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.Support;

/// <summary>A workshop drafted from a seminar with one theme, and participants who join it the way people do: by the emailed link.</summary>
public abstract class WorkshopTest(EngageHost engage) : EngageTest(engage)
{
    protected record Accepted(Guid Id, string Status);

    protected HttpClient staff = null!;
    protected Guid workshopId;
    protected Guid themeId;

    /// <summary>Drafts a workshop, applies <paramref name="settings"/> if given, and opens it.</summary>
    protected async Task OpenWorkshop(object? settings = null)
    {
        themeId = Guid.NewGuid();
        var seminarId = Guid.NewGuid();
        await Host.InvokeMessageAndWaitAsync(new SeminarConcluded(seminarId, "ACP workshop",
            [new AgreedTheme(themeId, "Supervision", "", ["What support do trainees need?"], [], [])], DateTimeOffset.UtcNow));
        staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        workshopId = (await (await staff.GetAsync($"/api/workshops?seminarId={seminarId}")).Read<JsonElement[]>())[0].GetProperty("id").GetGuid();
        if (settings is not null) Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/workshops/{workshopId}", settings)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsync($"/api/workshops/{workshopId}/open", null)).StatusCode);
    }

    /// <summary>Registers <paramref name="email"/> and signs in with the emailed link, as the participant's app would.</summary>
    protected async Task<HttpClient> Join(string email, string profession = "Nurse", string? region = "North East and Yorkshire", bool updates = false)
    {
        var profile = new Dictionary<string, string> { ["profession"] = profession };
        if (region is not null) profile["region"] = region;
        await Host.ExecuteAndWaitAsync(async () => Assert.Equal(HttpStatusCode.Accepted, (await Engage.Client().PostAsJsonAsync($"/api/workshops/{workshopId}/participants",
            new { email, consent = true, showProfession = true, emailUpdates = updates, profile })).StatusCode));
        var mail = Mails().Last(m => m.To.Mailboxes.Single().Address == email);
        var linkToken = Regex.Match(mail.TextBody, @"/account/link/(\S+)").Groups[1].Value;
        var token = await (await Engage.Client().PostAsJsonAsync("/api/auth/participant-token", new { linkToken })).Read<JsonElement>();
        return Engage.Client(token.GetProperty("accessToken").GetString());
    }

    /// <summary>Mail sent so far; drop-folder files are named by send time, so name order is send order.</summary>
    protected IEnumerable<MimeMessage> Mails() => Directory.GetFiles(Engage.MailFolder).Order().Select(f => MimeMessage.Load(f));

    protected async Task<Accepted> Post(HttpClient who, string text, Guid? parentId = null)
    {
        Accepted accepted = null!;
        await Host.ExecuteAndWaitAsync(async () =>
            accepted = await (await who.PostAsJsonAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions", new { text, parentId })).Read<Accepted>());
        return accepted;
    }
}
