using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Accounts;
using Marten;

namespace Engage.Analysis.Pages;

/// <summary>Small reads the pages need beside the module's own queries: attribute names to filter by, and colleagues' names.</summary>
public static class WorkspaceQueries
{
    /// <summary>How many items and people are sampled for the attribute names offered in a filter.</summary>
    private const int AttributeSample = 2_000;

    /// <summary>The attributes items can be filtered by: the workshop's profile questions, then any other found on items or people.</summary>
    public static async Task<IReadOnlyList<string>> AttributeNames(IQuerySession session, Guid corpusId, CorpusWorkshop? workshop)
    {
        var onItems = await session.ItemsOf(corpusId).Select(i => i.Attributes).Take(AttributeSample).ToListAsync();
        var onPeople = await session.Query<CorpusParticipant>().Where(p => p.WorkshopId == corpusId).Select(p => p.Attributes).Take(AttributeSample).ToListAsync();
        return [.. (workshop?.Opened.ProfileQuestions ?? []).Concat(onItems.Concat(onPeople).SelectMany(a => a.Keys)).Distinct()];
    }

    /// <summary>Active staff who hold the Analyst role, as <c>GET /api/staff?role=Analyst</c> lists them.</summary>
    public static async Task<IReadOnlyList<Colleague>> Analysts(IDocumentStore platform)
    {
        await using var session = platform.QuerySession();
        var accounts = await session.Query<StaffAccount>().Where(a => !a.Disabled).OrderBy(a => a.DisplayName).ToListAsync();
        return accounts.Where(a => a.Roles.Contains(Roles.Analyst)).Select(a => new Colleague(a.Id, a.DisplayName, a.Roles)).ToList();
    }
}
