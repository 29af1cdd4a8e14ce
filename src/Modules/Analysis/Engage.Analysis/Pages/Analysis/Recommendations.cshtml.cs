using Engage.Analysis.Codebooks;
using Engage.Analysis.Findings;
using Engage.Analysis.Publishing;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// Recommendations by audience, each with the evidence computed from the corpus as it is now; writing,
/// revising and withdrawing them; and publishing the analysis, which freezes it for the report.
/// </summary>
public class RecommendationsModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty] public RecommendationForm Form { get; set; } = new(null, null, null, "medium", [], [], []);
    [BindProperty] public string? PublicationTitle { get; set; }

    public IReadOnlyList<RecommendationView> Recommendations { get; private set; } = [];
    public IReadOnlyList<Audience> Audiences { get; private set; } = [];
    /// <summary>What a recommendation may rest on as a theme: top-level codes, and the workshop's own themes.</summary>
    public IReadOnlyList<(Guid Id, string Name)> ThemeChoices { get; private set; } = [];
    public IReadOnlyList<CodeView> CodeChoices { get; private set; } = [];
    public IReadOnlyList<QuoteView> Quotes { get; private set; } = [];
    public IReadOnlyList<PublishedAnalysis> Publications { get; private set; } = [];
    public RecommendationView? Editing => Edit is { } e ? Recommendations.FirstOrDefault(r => r.Id == e) : null;
    private Dictionary<Guid, string> names = [];

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        var facts = await CorpusFacts.LoadAsync(session, id, HttpContext.RequestAborted);
        Recommendations = RecommendationsEndpoint.Views(facts);
        Audiences = facts.Settings.Audiences;
        var codes = ViewCodebookEndpoint.View(id, facts.Codebook).Codes.Where(c => !c.Retired).ToList();
        CodeChoices = codes;
        ThemeChoices = [.. codes.Where(c => c.ParentId is null).Select(c => (c.Id, c.Name)),
            .. (facts.Workshop?.Opened.Themes ?? []).Select(t => (t.ThemeId, $"{t.Title} (workshop theme)"))];
        Quotes = facts.Quotes.Select(facts.ViewOf).OfType<QuoteView>().ToList();
        names = facts.Codebook.Codes.ToDictionary(c => c.Id, c => c.Name);
        foreach (var t in facts.Workshop?.Opened.Themes ?? []) names[t.ThemeId] = t.Title;
        Publications = await session.Query<PublishedAnalysis>().Where(p => p.CorpusId == id).OrderByDescending(p => p.RequestedAt).ToListAsync();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Editing is { } r) Form = new RecommendationForm(r.Title, r.Description, r.Audience, r.Priority, [.. r.ThemeIds], [.. r.CodeIds], [.. r.QuoteIds]);
        else if (Edit is not null) Errors.Add("That recommendation has been withdrawn or is not in this corpus.");
        return Page();
    }

    public Task<IActionResult> OnPostWriteAsync(Guid id) =>
        Run(id, new WriteRecommendation(id, Form, Analyst), $"The recommendation '{Form.Title?.Trim()}' is saved.", $"/analysis/{id}/recommendations", "rec-title");

    public Task<IActionResult> OnPostReviseAsync(Guid id, Guid recommendationId)
    {
        Edit = recommendationId;
        return Run(id, new ReviseRecommendation(id, recommendationId, Form), $"The recommendation '{Form.Title?.Trim()}' is revised.",
            $"/analysis/{id}/recommendations#rec-{recommendationId}", "edit-title");
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid recommendationId) =>
        Run(id, new WithdrawRecommendation(id, recommendationId), "The recommendation is withdrawn.", $"/analysis/{id}/recommendations", $"withdraw-{recommendationId}");

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        if (await Ask<Guid>(new RequestPublication(id, PublicationTitle, Analyst)) == Guid.Empty) return await Refuse(id, null, "publication-title");
        Notice = "The analysis is being published: its figures are frozen as they are now and sent to the report.";
        return Redirect($"/analysis/{id}/recommendations#publications");
    }

    public string NameOf(Guid id) => names.GetValueOrDefault(id, "(no longer in the codebook)");

    public string AudienceOf(string key) => Audiences.FirstOrDefault(a => a.Key == key)?.Label ?? key;

    public static string Priority(string priority) => priority switch { "high" => "High priority", "low" => "Low priority", _ => "Medium priority" };
}
