using Engage.Platform.Accounts;
using Marten;

namespace Engage.Analysis.Coding;

/// <summary>Analysts' names as their staff accounts have them now, for figures that name coders.</summary>
public static class CoderNames
{
    public const string Former = "a former colleague";

    /// <summary>Display names by id; ids of accounts that are gone are left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> Of(IDocumentStore platform, IEnumerable<Guid> ids)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0) return new Dictionary<Guid, string>();
        await using var session = platform.QuerySession();
        return (await session.LoadManyAsync<StaffAccount>(wanted)).ToDictionary(a => a.Id, a => a.DisplayName);
    }
}
