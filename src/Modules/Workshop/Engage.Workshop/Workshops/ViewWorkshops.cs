using Engage.Platform;
using Mapster;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Workshop.Workshops;

public record WorkshopSummary(Guid Id, Guid SeminarId, string Title, WorkshopStatus Status, int Themes, DateTimeOffset CreatedAt);

public sealed class WorkshopSummaryMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<Workshop, WorkshopSummary>().Map(d => d.Themes, s => s.Themes.Count);
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Programme)]
public static class ViewWorkshopsEndpoint
{
    [WolverineGet("/api/workshops")]
    public static async Task<IReadOnlyList<WorkshopSummary>> List(Guid? seminarId, IQuerySession session, TypeAdapterConfig mapping)
    {
        var query = session.Query<Workshop>().AsQueryable();
        if (seminarId is { } id) query = query.Where(x => x.SeminarId == id);
        return (await query.OrderByDescending(x => x.CreatedAt).Take(500).ToListAsync()).Adapt<List<WorkshopSummary>>(mapping);
    }

    [WolverineGet("/api/workshops/{id}")]
    public static Workshop Get([Entity(Required = true)] Workshop workshop) => workshop;
}
