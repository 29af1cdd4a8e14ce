using Engage.Reporting.Contracts;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engage.Workshop.Pages.TakePart;

/// <summary>
/// "What we heard": the latest published report told back to everyone who took part (and anyone else):
/// the key themes (you said), the recommendations (we recommended) and what was done about each (we did).
/// Drafts never reach this page: the Workshop only hears of published versions.
/// </summary>
[AllowAnonymous]
public class WhatWeHeardModel(IWorkshopStore store) : PageModel
{
    public Workshops.Workshop Workshop { get; private set; } = null!;
    public ReportNotice? Report { get; private set; }
    private Dictionary<Guid, RecommendationOutcome> outcomes = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Workshops.Workshop>(id) is not { } workshop || workshop.Status == WorkshopStatus.Draft) return NotFound();
        Workshop = workshop;
        Report = workshop.Reports.OrderBy(r => r.PublishedAt).LastOrDefault();
        outcomes = (await session.Query<RecommendationOutcome>().Where(o => o.WorkshopId == id).ToListAsync()).ToDictionary(o => o.Id);
        return Page();
    }

    public RecommendationOutcome? OutcomeOf(Guid recommendationId) => outcomes.GetValueOrDefault(recommendationId);

    public static (string Text, string Colour) Describe(RecommendationProgress progress) => progress switch
    {
        RecommendationProgress.Planned => ("Planned", "blue"),
        RecommendationProgress.InProgress => ("In progress", "yellow"),
        RecommendationProgress.Done => ("Done", "green"),
        _ => ("Declined", "grey")
    };

    public static string AudienceName(string audience) => audience switch
    {
        "national-bodies" => "National bodies",
        "employers" => "Employers",
        "individuals" => "Individuals",
        "" => "Everyone",
        _ => char.ToUpperInvariant(audience[0]) + audience[1..].Replace('-', ' ')
    };

    public static int AudienceOrder(string audience) => Array.IndexOf(["national-bodies", "employers", "individuals"], audience) is var i and >= 0 ? i : 9;
}
