using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Engage.Analysis.Coding;

/// <summary>
/// An analyst applied a code to an item, whole (no span) or to the half-open span [Start, End) of its text,
/// under a codebook version. <see cref="Source"/> is "analyst", "suggestion" (an accepted machine suggestion,
/// which counts as the accepting analyst's coding) or "import" (from a REFI-QDA project).
/// </summary>
public sealed record CodeApplied(Guid CodingId, Guid CorpusId, Guid ItemId, Guid CodeId, Guid CoderId, string CoderName,
    int CodebookVersion, int? Start, int? End, string Source, DateTimeOffset At);

public sealed record CodingRemoved(Guid CodingId, Guid CorpusId, Guid ItemId, Guid CoderId, DateTimeOffset At);

/// <summary>Whether an item describes a problem, proposes a solution, or both (null clears the mark).</summary>
public sealed record ItemMarked(Guid CorpusId, Guid ItemId, string? Kind, Guid By, DateTimeOffset At);

/// <summary>A coding as it stands, kept by <see cref="CodingProjection"/> from the item's event stream.</summary>
public class AppliedCode
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public Guid ItemId { get; set; }
    public Guid CodeId { get; set; }
    public Guid CoderId { get; set; }
    public string CoderName { get; set; } = "";
    public int CodebookVersion { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }
    public string Source { get; set; } = "analyst";
    public DateTimeOffset At { get; set; }
}

/// <summary>An item's problem/solution mark.</summary>
public class ItemMark
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public string Kind { get; set; } = "";
    public Guid By { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// Codings are events on the item's stream (the audit trail: who, when, which code, which version);
/// the documents analysts filter and count by are projected from them in the same transaction.
/// </summary>
public partial class CodingProjection : EventProjection
{
    public AppliedCode Create(CodeApplied e) => new()
    {
        Id = e.CodingId, CorpusId = e.CorpusId, ItemId = e.ItemId, CodeId = e.CodeId, CoderId = e.CoderId, CoderName = e.CoderName,
        CodebookVersion = e.CodebookVersion, Start = e.Start, End = e.End, Source = e.Source, At = e.At
    };

    public void Project(CodingRemoved e, IDocumentOperations ops) => ops.Delete<AppliedCode>(e.CodingId);

    public void Project(ItemMarked e, IDocumentOperations ops)
    {
        if (e.Kind is null) ops.Delete<ItemMark>(e.ItemId);
        else ops.Store(new ItemMark { Id = e.ItemId, CorpusId = e.CorpusId, Kind = e.Kind, By = e.By, At = e.At });
    }
}

public static class CodingQueries
{
    public static IQueryable<AppliedCode> CodingsOf(this IQuerySession session, Guid corpusId) =>
        session.Query<AppliedCode>().Where(x => x.CorpusId == corpusId);
}
