using Engage.Platform.Web;
using System.Security.Claims;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Planning;

public record SeminarForm(string? Title, string? Purpose, DateTimeOffset? StartsAt, SeminarFormat? Format, string? Venue,
    string? JoiningLink, string[]? InterestGroups, int? DotsPerAttendee, AgendaItem[]? Agenda)
{
    /// <summary>The form checked and tidied: every text trimmed and within its limit.</summary>
    public SeminarDetails Details()
    {
        var groups = (InterestGroups is { Length: > 0 } g ? g : SeminarRules.DefaultInterestGroups)
            .Select(x => SeminarRules.Text(x, "interestGroups", 100)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        SeminarRules.Require(groups.Length <= 40, "'interestGroups' takes at most 40 groups.");
        var dots = DotsPerAttendee ?? SeminarRules.DefaultDots;
        SeminarRules.Require(dots is >= 1 and <= SeminarRules.MaxDots, $"'dotsPerAttendee' must be 1 to {SeminarRules.MaxDots}.");
        var agenda = (Agenda ?? []).Select(a => new AgendaItem(SeminarRules.Text(a.Time, "agenda.time", 20),
            SeminarRules.Text(a.Title, "agenda.title", SeminarRules.MaxShortText), SeminarRules.Text(a.Lead, "agenda.lead", 100, required: false))).ToArray();
        SeminarRules.Require(agenda.Length <= 50, "'agenda' takes at most 50 items.");
        var link = SeminarRules.Text(JoiningLink, "joiningLink", 500, required: false);
        SeminarRules.Require(link.Length == 0 || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"),
            "'joiningLink' must be an http(s) address.");
        return new SeminarDetails(SeminarRules.Text(Title, "title", SeminarRules.MaxShortText),
            SeminarRules.Text(Purpose, "purpose", SeminarRules.MaxLongText, required: false), StartsAt, Format ?? SeminarFormat.InPerson,
            SeminarRules.Text(Venue, "venue", 300, required: false), link, groups, dots, agenda);
    }
}

public record PlanSeminar(SeminarForm Form, Guid PlannedBy);

public record SeminarCreated(Guid Id);

[MartenStore(typeof(ISeminarStore))]
public static class PlanSeminarHandler
{
    public static (SeminarCreated, IStartStream) Handle(PlanSeminar command)
    {
        var id = Guid.CreateVersion7();
        return (new SeminarCreated(id), MartenOps.StartStream<Seminars.Seminar>(id, new SeminarPlanned(id, command.Form.Details(), command.PlannedBy)));
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class PlanSeminarEndpoint
{
    [WolverinePost("/api/seminars")]
    public static Task<IResult> Post(SeminarForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<SeminarCreated>(bus, new PlanSeminar(form, Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!)),
            created => ApiDoor.Created($"/api/seminars/{created.Id}", created.Id));
}
