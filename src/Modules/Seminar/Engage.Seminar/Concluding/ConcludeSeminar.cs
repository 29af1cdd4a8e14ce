using Engage.Platform.Web;
using Engage.Platform;
using Engage.Seminar.Contracts;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Concluding;

public record ConcludeForm(Guid[]? ThemeIds);

public record ConcludeSeminar(Guid SeminarId, Guid[] ThemeIds);

/// <summary>
/// Agree the workshop's themes. The integration event leaves through the outbox in the same
/// transaction as the stream append, and the stream's version check makes a second conclusion fail,
/// so the Workshop hears exactly once.
/// </summary>
[MartenStore(typeof(ISeminarStore))]
public static class ConcludeSeminarHandler
{
    public static (Events, OutgoingMessages) Handle(ConcludeSeminar command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar, DateTimeOffset now)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.Require(found.Status != SeminarStatus.Concluded, "The seminar has already concluded.", 409);
        var chosen = (command.ThemeIds ?? []).Distinct().ToArray();
        SeminarRules.Require(chosen.Length > 0, "'themeIds' must name at least one theme.");
        var unknown = chosen.Where(id => found.ThemeOf(id) is null).ToList();
        SeminarRules.Require(unknown.Count == 0, $"'themeIds' names themes this seminar does not have: {string.Join(", ", unknown)}.");
        var themes = chosen.Select(id => found.ThemeOf(id)!).ToList();
        var unasked = themes.Where(t => t.Prompts.Count == 0).Select(t => t.Title).ToList();
        SeminarRules.Require(unasked.Count == 0, $"Every chosen theme needs at least one question for the crowd; missing for: {string.Join(", ", unasked)}.");

        var agreed = themes.Select(t => new AgreedTheme(t.Id, t.Title, t.Description, t.Prompts, t.Seeds,
            SeminarRules.StatementsOf(found, t).Select(p => new ProblemStatementRef(p.Id, p.Text, p.InterestGroup)).ToList())).ToList();
        return ([new ThemesAgreed(chosen, now)], [new SeminarConcluded(found.Id, found.Title, agreed, now)]);
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class ConcludeSeminarEndpoint
{
    [WolverinePost("/api/seminars/{id}/conclude")]
    public static Task<IResult> Post(Guid id, ConcludeForm form, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new ConcludeSeminar(id, form.ThemeIds ?? []), Results.Accepted($"/api/seminars/{id}"));
}
