using Engage.Platform;
using Engage.Seminar.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Seminars;

public record ConcludeSeminar(Guid[]? ThemeIds);

/// <summary>
/// Agree the workshop's themes. The integration event leaves through the outbox in the same
/// transaction as the stream append, so the Workshop hears of it exactly when it happened.
/// </summary>
[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
public static class ConcludeSeminarEndpoint
{
    public static ProblemDetails Validate(ConcludeSeminar command, Seminar seminar)
    {
        if (seminar.Status == SeminarStatus.Concluded) return Problems.Conflict("The seminar has already concluded.");
        if (command.ThemeIds is not { Length: > 0 }) return Problems.BadRequest("'themeIds' must name at least one theme.");
        var unknown = command.ThemeIds.Where(id => seminar.Themes.All(t => t.Id != id)).ToList();
        return unknown.Count > 0
            ? Problems.BadRequest($"'themeIds' names themes this seminar does not have: {string.Join(", ", unknown)}.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/seminars/{id}/conclude")]
    public static (AcceptResponse, Events, OutgoingMessages) Post(ConcludeSeminar command, [WriteAggregate] Seminar seminar, DateTimeOffset now)
    {
        var chosen = command.ThemeIds!.Distinct().ToArray();
        var themes = chosen.Select(id => seminar.Themes.Single(t => t.Id == id)).Select(t => new AgreedTheme(
            t.Id, t.Title, t.Description, t.Prompts, t.Seeds,
            t.ProblemIds.Select(pid => seminar.Problems.Single(p => p.Id == pid))
                .Select(p => new ProblemStatementRef(p.Id, p.Text, p.InterestGroup)).ToList())).ToList();

        return (new AcceptResponse($"/api/seminars/{seminar.Id}"),
            [new ThemesAgreed(chosen, now)],
            [new SeminarConcluded(seminar.Id, seminar.Title, themes, now)]);
    }
}
