using Engage.Workshop.Contracts;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

/// <summary>
/// What the workshop behind a corpus asked, and its smallest showable group: kept apart from
/// <see cref="Corpus"/> (same id) so the first contribution and the opening never race to write one document.
/// </summary>
public class CorpusWorkshop
{
    public Guid Id { get; set; }
    public WorkshopOpened Opened { get; set; } = null!;
}

[MartenStore(typeof(IAnalysisStore))]
public static class WorkshopOpenedHandler
{
    public static IMartenOp Handle(WorkshopOpened opened) =>
        MartenOps.Store(new CorpusWorkshop { Id = opened.WorkshopId, Opened = opened });
}
