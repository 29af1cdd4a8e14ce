using Engage.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Seminars;

public record SeminarSummary(Guid Id, string Title, SeminarStatus Status, DateTimeOffset? StartsAt, int Problems, int Themes);

[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
public static class ViewSeminarsEndpoint
{
    [WolverineGet("/api/seminars")]
    public static async Task<IReadOnlyList<SeminarSummary>> List(IQuerySession session) =>
        (await session.Query<Seminar>().OrderByDescending(x => x.StartsAt).Take(500).ToListAsync())
        .Select(s => new SeminarSummary(s.Id, s.Title, s.Status, s.StartsAt, s.Problems.Count, s.Themes.Count)).ToList();

    [WolverineGet("/api/seminars/{id}")]
    public static Seminar Get([ReadAggregate] Seminar seminar) => seminar;
}
