using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Analysis.Publishing;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engage.Analysis.Pages;

/// <summary>
/// "Publish the analysis?": publishing freezes the findings for the report and cannot be taken back, so
/// the recommendations page asks here first; the form posts to that page, which holds the errors.
/// </summary>
[Authorize(Roles = Roles.Analysts)]
public class PublishConfirmModel(IAnalysisStore store) : PageModel
{
    public Confirmation Confirmation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? publicationTitle)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Corpus>(id) is not { } corpus) return NotFound();
        var recommendations = await session.Query<Recommendation>().CountAsync(r => r.CorpusId == id);
        var earlier = await session.Query<PublishedAnalysis>().CountAsync(p => p.CorpusId == id);
        var title = string.IsNullOrWhiteSpace(publicationTitle) ? $"What we heard: {corpus.Name}" : publicationTitle.Trim();
        Confirmation = new Confirmation(
            $"Publish \"{title}\"?",
            [
                $"The findings, the {Words.Count(recommendations, "recommendation")} and their evidence are frozen as they are now: later coding never changes this publication.",
                earlier == 0 ? "The insight report's draft is drawn from it, for programme staff to check and publish."
                    : $"The insight report's draft is redrawn from it (it replaces the {Words.Count(earlier, "earlier publication")} in the draft; each stays as it was).",
                corpus.WorkshopId is null ? "This corpus has no workshop." : "Its workshop can no longer be reopened: its record is now the evidence."
            ],
            "Programme staff and analysts, in the draft report. Participants see nothing until programme staff publish the report.",
            $"/analysis/{id}/recommendations?handler=Publish", "Yes, publish the analysis", $"/analysis/{id}/recommendations#publications")
        {
            Fields = new Dictionary<string, string?> { ["PublicationTitle"] = publicationTitle }
        };
        return Page();
    }
}

/// <summary>"Withdraw this recommendation?": a withdrawn recommendation leaves the analysis and is not brought back.</summary>
[Authorize(Roles = Roles.Analysts)]
public class WithdrawConfirmModel(IAnalysisStore store) : PageModel
{
    public Confirmation Confirmation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid recommendationId)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Recommendation>(recommendationId) is not { } recommendation || recommendation.CorpusId != id) return NotFound();
        Confirmation = new Confirmation(
            $"Withdraw \"{recommendation.Title}\"?",
            [
                "It leaves the list of recommendations and is not in any publication made from now on.",
                "Publications already made keep it, as they were published.",
                "It cannot be brought back: to recommend it again, write it again."
            ],
            "Analysts at once; programme staff and participants once the analysis is next published and the report follows.",
            $"/analysis/{id}/recommendations?handler=Withdraw&recommendationId={recommendationId}", "Yes, withdraw it", $"/analysis/{id}/recommendations#rec-{recommendationId}");
        return Page();
    }
}
