using Engage.Platform;
using Mapster;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Seminars;

public record SeminarSummary(Guid Id, string Title, SeminarStatus Status, DateTimeOffset? StartsAt, int Problems, int Themes);

public sealed class SeminarSummaryMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<Seminar, SeminarSummary>()
            .Map(d => d.Problems, s => s.Problems.Count(p => p.MergedInto == null))
            .Map(d => d.Themes, s => s.Themes.Count);
}

[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
public static class ViewSeminarsEndpoint
{
    [WolverineGet("/api/seminars")]
    public static async Task<IReadOnlyList<SeminarSummary>> List(IQuerySession session, TypeAdapterConfig mapping) =>
        (await session.Query<Seminar>().OrderByDescending(x => x.StartsAt).Take(500).ToListAsync()).Adapt<List<SeminarSummary>>(mapping);

    [WolverineGet("/api/seminars/{id}")]
    public static Seminar Get([ReadAggregate] Seminar seminar) => seminar;

    [WolverineGet("/api/seminars/{id}/coverage")]
    public static IReadOnlyList<GroupCoverage> Coverage([ReadAggregate] Seminar seminar) => Seminars.Coverage.For(seminar);

    [WolverineGet("/api/seminars/{id}/results")]
    public static IReadOnlyList<ThemeResult> Results([ReadAggregate] Seminar seminar) => DotResults.For(seminar);
}
