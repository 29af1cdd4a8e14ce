using Engage.Analysis.Codebooks;
using Engage.Analysis.Suggestions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// Codes Engage suggests, learnt from analysts' own codings or promoted from a discovered theme: the
/// confident queue and the review queue, each suggestion accepted (a coding in the analyst's name) or
/// rejected, and the audit of how far the suggestions agree with the analysts' decisions.
/// </summary>
public class SuggestionsModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    /// <summary>"suggested" or "review".</summary>
    [BindProperty(SupportsGet = true)] public string Queue { get; set; } = "suggested";
    [BindProperty(SupportsGet = true)] public Guid? Code { get; set; }

    public IReadOnlyList<SuggestionView> Suggestions { get; private set; } = [];
    public SuggestionAuditView Audit { get; private set; } = null!;
    public IReadOnlyList<CodeView> Codes { get; private set; } = [];

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        if (Queue is not ("suggested" or "review")) Queue = "suggested";
        Codes = ViewCodebookEndpoint.View(id, await session.CodebookOf(id)).Codes.Where(c => !c.Retired).ToList();
        Suggestions = await ReviewSuggestionsEndpoint.Pending(session, id, Queue, Code);
        Audit = await ReviewSuggestionsEndpoint.AuditOf(session, id);
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public async Task<IActionResult> OnPostSuggestAsync(Guid id)
    {
        if (await Ask<SuggestionRun>(new SuggestCodes(id)) is not { } run) return await Refuse(id, null, "suggest");
        Notice = $"Learnt from {Count(run.CodedItems, "coded item")}: {Count(run.Suggested, "confident suggestion")} and {Count(run.ForReview, "suggestion")} to review " +
                 $"for {Count(run.ItemsConsidered, "uncoded item")}." +
                 (run.UnlearntCodes.Count > 0 ? $" Too few examples yet to learn {string.Join(", ", run.UnlearntCodes)}." : "");
        return Redirect($"/analysis/{id}/suggestions");
    }

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid suggestionId, bool accept) =>
        Run(id, new DecideSuggestion(id, suggestionId, accept, Analyst, AnalystName),
            accept ? "The code is applied in your name." : "The suggestion is rejected.", $"/analysis/{id}/suggestions{Filter()}", $"decide-{suggestionId}");

    public string Filter() => Code is { } code ? $"?queue={Queue}&code={code}" : $"?queue={Queue}";

    public static string Confidence(SuggestionView s) => s.Confidence is { } c ? $"{c:P0} confident" : "From a discovered theme";
}
