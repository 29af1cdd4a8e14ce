using Engage.Workshop.Contracts;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

/// <summary>A participant's current vote on a corpus item, one document per pair, so redelivery overwrites.</summary>
public class CorpusVote
{
    /// <summary>"{contributionId}:{participantId}".</summary>
    public string Id { get; set; } = "";
    public Guid WorkshopId { get; set; }
    public Guid ContributionId { get; set; }
    public Guid ParticipantId { get; set; }
    public string Value { get; set; } = "";
    public DateTimeOffset CastAt { get; set; }

    public static string IdOf(VoteCast vote) => $"{vote.ContributionId}:{vote.ParticipantId}";

    public static CorpusVote From(VoteCast vote) => new()
    {
        Id = IdOf(vote), WorkshopId = vote.WorkshopId, ContributionId = vote.ContributionId,
        ParticipantId = vote.ParticipantId, Value = vote.Vote, CastAt = vote.CastAt
    };
}

/// <summary>A participant's profile answers as analysis sees them: pseudonymous id and attributes only.</summary>
public class CorpusParticipant
{
    public Guid Id { get; set; }
    public Guid WorkshopId { get; set; }
    public string Pseudonym { get; set; } = "";
    public Dictionary<string, string> Attributes { get; set; } = [];
    /// <summary>The voter's id in the source of an imported conversation.</summary>
    public string? SourceId { get; set; }
}

/// <summary>Marks a workshop's corpus complete once the workshop closes.</summary>
public class CorpusClosure
{
    public Guid Id { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
}

/// <summary>
/// Votes arrive in batches (AnalysisModule batches <see cref="VoteCast"/>): one transaction stores
/// hundreds, so Analysis keeps up with a busy workshop. Votes can arrive out of order after retries:
/// an older vote never replaces a newer one.
/// </summary>
[MartenStore(typeof(IAnalysisStore))]
public static class VoteCastBatchHandler
{
    public static async Task Handle(VoteCast[] votes, Marten.IDocumentSession session)
    {
        // A batch can be stored after its voter deleted their data: their votes must not come back.
        var departed = (await session.LoadManyAsync<DepartedParticipant>(votes.Select(v => v.ParticipantId).Distinct().ToArray())).Select(d => d.Id).ToHashSet();
        var latest = votes.Where(v => !departed.Contains(v.ParticipantId)).GroupBy(CorpusVote.IdOf).Select(g => g.MaxBy(v => v.CastAt)!).ToList();
        var current = (await session.LoadManyAsync<CorpusVote>(latest.Select(CorpusVote.IdOf).ToArray())).ToDictionary(v => v.Id);
        var newer = latest.Where(v => !current.TryGetValue(CorpusVote.IdOf(v), out var stored) || stored.CastAt <= v.CastAt).Select(CorpusVote.From).ToArray();
        if (newer.Length > 0) session.Store(newer);
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class VotesImportedHandler
{
    // Marten's unit of work compares each stored document with every one already queued, which made a
    // batch of 5,000 cost seconds; one set-based upsert writes the same rows (same JSON) in this transaction.
    private const string Upsert =
        $"insert into {AnalysisModule.Schema}.mt_doc_corpusvote (id, data, mt_dotnet_type) select v.id, v.data::jsonb, ? " +
        "from unnest(?::varchar[], ?::text[]) as v(id, data) " +
        "on conflict (id) do update set data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, " +
        "mt_last_modified = transaction_timestamp(), mt_version = md5(random()::text || clock_timestamp()::text)::uuid";

    /// <summary>An imported batch holds final votes of a closed workshop: stored as they are, and a redelivered batch overwrites itself.</summary>
    public static void Handle(VotesImported batch, Marten.IDocumentSession session)
    {
        var votes = batch.Votes.GroupBy(CorpusVote.IdOf).Select(g => CorpusVote.From(g.MaxBy(v => v.CastAt)!)).ToArray();
        if (votes.Length == 0) return;
        session.QueueSqlCommand(Upsert, typeof(CorpusVote).FullName!, votes.Select(v => v.Id).ToArray(), votes.Select(session.DocumentStore.Options.Serializer().ToJson).ToArray());
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class ParticipantRegisteredHandler
{
    public static IMartenOp Handle(ParticipantRegistered registered) => MartenOps.Store(Participant(registered));

    public static CorpusParticipant Participant(ParticipantRegistered registered) => new()
    {
        Id = registered.ParticipantId, WorkshopId = registered.WorkshopId, Pseudonym = registered.Pseudonym,
        Attributes = new Dictionary<string, string>(registered.Attributes), SourceId = registered.SourceId
    };
}

[MartenStore(typeof(IAnalysisStore))]
public static class ParticipantsImportedHandler
{
    /// <summary>An imported conversation's voters, stored together; a redelivered batch overwrites itself.</summary>
    public static void Handle(ParticipantsImported batch, Marten.IDocumentSession session) =>
        session.Store(batch.Participants.Select(ParticipantRegisteredHandler.Participant).ToArray());
}

[MartenStore(typeof(IAnalysisStore))]
public static class WorkshopClosedHandler
{
    public static IMartenOp Handle(WorkshopClosed closed) =>
        MartenOps.Store(new CorpusClosure { Id = closed.WorkshopId, ClosedAt = closed.ClosedAt });
}

/// <summary>
/// A participant who deleted their data, remembered by their pseudonymous id alone, so that their
/// votes and contributions still on their way (batched votes, a redelivery after a crash) are
/// dropped or left unattributed when they arrive after the deletion.
/// </summary>
public class DepartedParticipant
{
    public Guid Id { get; set; }
    public List<Guid> RemovedContributionIds { get; set; } = [];
}

[MartenStore(typeof(IAnalysisStore))]
public static class ParticipantLeftHandler
{
    /// <summary>Someone deleted their data: their attributes and votes go, removed items leave, the rest lose their author.</summary>
    public static async Task Handle(ParticipantLeft left, Marten.IDocumentSession session)
    {
        session.Store(new DepartedParticipant { Id = left.ParticipantId, RemovedContributionIds = [.. left.RemovedContributionIds] });
        session.Delete<CorpusParticipant>(left.ParticipantId);
        session.DeleteWhere<CorpusVote>(v => v.ParticipantId == left.ParticipantId);
        foreach (var id in left.RemovedContributionIds) session.Delete<CorpusItem>(id);
        var participant = left.ParticipantId;
        var kept = await Marten.QueryableExtensions.ToListAsync(session.Query<CorpusItem>().Where(i => i.AuthorId == participant));
        foreach (var item in kept.Where(i => !left.RemovedContributionIds.Contains(i.Id)))
        {
            CorpusItem.Unattribute(item);
            session.Store(item);
        }
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class ContributionWithdrawnHandler
{
    public static IMartenOp Handle(ContributionWithdrawn withdrawn) => MartenOps.Delete<CorpusItem>(withdrawn.ContributionId);
}

[MartenStore(typeof(IAnalysisStore))]
public static class ContributionModeratedHandler
{
    /// <summary>A removed contribution leaves the corpus; its votes stay in the record but count for nothing.</summary>
    public static IMartenOp Handle(ContributionModerated moderated) =>
        moderated.Decision == "removed" ? MartenOps.Delete<CorpusItem>(moderated.ContributionId) : MartenOps.Nothing();
}

/// <summary>A workshop closed early by mistake was reopened: its corpus is no longer complete.</summary>
[MartenStore(typeof(IAnalysisStore))]
public static class WorkshopReopenedHandler
{
    public static IMartenOp Handle(WorkshopReopened reopened) => MartenOps.Delete<CorpusClosure>(reopened.WorkshopId);
}
