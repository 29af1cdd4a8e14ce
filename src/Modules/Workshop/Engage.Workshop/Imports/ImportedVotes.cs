using Engage.Workshop.Voting;
using Marten;

namespace Engage.Workshop.Imports;

/// <summary>
/// Writes an imported conversation's votes as <see cref="Vote"/> rows in the import's own transaction,
/// a few set-based statements instead of one unit-of-work entry per vote. Marten's unit of work checks
/// each stored document against every one already queued, so 225,000 votes through
/// <c>session.Store</c> took minutes in that check alone; here the rows are the same ones Marten writes
/// (same JSON, duplicated columns and revision) and Marten reads them back as usual.
/// </summary>
public static class ImportedVotes
{
    /// <summary>Rows per statement: large enough to be few statements, small enough to keep each one's parameters modest.</summary>
    public const int RowsPerStatement = 10_000;

    private const string Insert =
        $"insert into {WorkshopModule.Schema}.mt_doc_vote (id, data, mt_dotnet_type, mt_version, workshop_id, contribution_id, value) " +
        "select v.id, v.data::jsonb, ?, 1, v.workshop_id, v.contribution_id, v.value " +
        "from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::varchar[]) as v(id, data, workshop_id, contribution_id, value)";

    public static void Queue(IDocumentSession session, Guid workshopId, IReadOnlyList<Vote> votes)
    {
        // Counted once at the end, not row by row by the vote trigger (ContributionCounts).
        Contributions.ContributionCounts.CountLater(session);
        foreach (var rows in votes.Chunk(RowsPerStatement))
            session.QueueSqlCommand(Insert, typeof(Vote).FullName!, rows.Select(v => v.Id).ToArray(), rows.Select(session.DocumentStore.Options.Serializer().ToJson).ToArray(),
                rows.Select(v => v.WorkshopId).ToArray(), rows.Select(v => v.ContributionId).ToArray(), rows.Select(v => v.Value).ToArray());
        Contributions.ContributionCounts.Recount(session, workshopId);
    }
}
