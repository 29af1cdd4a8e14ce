using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Marten;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Weasel.Storage;

namespace Engage.Analysis.Findings;

/// <summary>
/// A corpus's version: a token that changes in the same transaction as anything findings are computed
/// from (<see cref="CorpusFacts"/>), so computed findings can be kept until the corpus changes
/// (<see cref="FindingsCache"/>). The token lives in one small table, one row per corpus, plus one row
/// (<see cref="Everything"/>) for changes that cannot be tied to a corpus: a delete by id, an event
/// (codebook, coding), raw SQL. Changing that row makes every corpus's findings stale, which is
/// always safe, only slower. Nothing has to remember to call this: a session listener on the
/// analysis store reads each unit of work before it is saved.
/// </summary>
public static class CorpusVersions
{
    public static readonly Guid Everything = Guid.Empty;
    public const string Table = AnalysisModule.Schema + ".corpus_versions";

    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName(AnalysisModule.Schema, "corpus_versions"));
        table.AddColumn<Guid>("corpus_id").AsPrimaryKey();
        table.AddColumn<Guid>("token").NotNull();
        return table;
    }

    /// <summary>The corpus's version as one string: its own token and the one for changes to every corpus.</summary>
    public static async Task<string> ReadAsync(IQuerySession session, Guid corpusId, CancellationToken cancellation = default) =>
        (await session.QueryAsync<string>(
            $"select coalesce(string_agg(token::text, ',' order by corpus_id), '') from {Table} where corpus_id = any(?)",
            cancellation, new[] { Everything, corpusId })).Single();

    /// <summary>The corpus a stored document belongs to, when it is one findings read; null when it cannot be told.</summary>
    public static Guid? CorpusOf(object document) => document switch
    {
        CorpusVote v => v.WorkshopId,
        CorpusItem i => i.WorkshopId,
        CorpusParticipant p => p.WorkshopId,
        AppliedCode c => c.CorpusId,
        ItemMark m => m.CorpusId,
        Quote q => q.CorpusId,
        Recommendation r => r.CorpusId,
        Corpus c => c.Id,
        CorpusWorkshop w => w.Id,
        CorpusClosure c => c.Id,
        AnalysisSettings s => s.Id,
        _ => null
    };

    public sealed class Listener : DocumentSessionListenerBase
    {
        private const string Touch =
            $"insert into {Table} (corpus_id, token) select id, gen_random_uuid() from unnest(?::uuid[]) as t(id) " +
            "on conflict (corpus_id) do update set token = excluded.token";

        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            var changes = session.PendingChanges;
            var corpora = new SortedSet<Guid>();
            if (changes.Streams().Count > 0) corpora.Add(Everything);
            foreach (var operation in changes.Operations())
            {
                // Wolverine keeps its envelopes in the same unit of work; they are no part of a corpus.
                if (operation.GetType().Namespace?.StartsWith("Wolverine", StringComparison.Ordinal) == true) continue;
                if (operation is IDocumentStorageOperation { Document: { } document } and not IDeletion && CorpusOf(document) is { } corpus) corpora.Add(corpus);
                else corpora.Add(Everything);
            }
            // Sorted, so two transactions touching the same corpora take their row locks in the same order.
            if (corpora.Count > 0) session.QueueSqlCommand(Touch, corpora.ToArray());
            return Task.CompletedTask;
        }
    }
}
