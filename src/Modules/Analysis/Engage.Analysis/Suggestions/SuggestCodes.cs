using System.Security.Claims;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Analysis.Discovery;
using Engage.Analysis.Embeddings;
using Engage.Embeddings;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Suggestions;

/// <summary>
/// A code proposed for an item, by the model learnt from analysts' codings ("model", with its confidence)
/// or by promoting a discovered theme ("discovery", no confidence). It never counts as a coding: only an
/// analyst accepting it applies the code, in their name. Below <see cref="SuggestCodesHandler.Confident"/>
/// it waits in the review queue.
/// </summary>
public class CodeSuggestionDoc
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public Guid RunId { get; set; }
    public Guid ItemId { get; set; }
    public Guid CodeId { get; set; }
    public double? Confidence { get; set; }
    public string Origin { get; set; } = "model";
    /// <summary>"suggested" or "review".</summary>
    public string Queue { get; set; } = "suggested";
    /// <summary>"pending", "accepted" or "rejected".</summary>
    public string Status { get; set; } = "pending";
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset SuggestedAt { get; set; }
}

public record SuggestCodes(Guid CorpusId);
public record SuggestionRun(Guid RunId, int CodedItems, int ItemsConsidered, int Suggested, int ForReview, IReadOnlyList<string> LearntCodes, IReadOnlyList<string> UnlearntCodes);
public record DecideSuggestion(Guid CorpusId, Guid SuggestionId, bool Accept, Guid By, string ByName);
public record PromoteDiscoveredTheme(Guid CodebookId, Guid JobId, int Index, string? Name, Guid By);

[MartenStore(typeof(IAnalysisStore))]
public static class SuggestCodesHandler
{
    public const double Minimum = 0.2, Confident = 0.5;
    public const int MaxItems = 100_000;

    /// <summary>Learns from every item an analyst has coded (whole or in part) and suggests codes for the items nobody has; earlier pending suggestions are replaced.</summary>
    public static async Task<SuggestionRun> Handle(SuggestCodes command, IDocumentSession session, TextEmbeddings embeddings, DateTimeOffset now)
    {
        await CodebookRules.CorpusExists(session, command.CorpusId);
        var items = await session.ItemsOf(command.CorpusId).Take(MaxItems + 1).ToListAsync();
        RuleBroken.Unless(items.Count <= MaxItems, $"Suggestions take at most {MaxItems:N0} items.");
        var codings = await session.CodingsOf(command.CorpusId).ToListAsync();
        var codebook = await session.CodebookOf(command.CorpusId);
        var coded = codings.GroupBy(c => c.ItemId).ToDictionary(g => g.Key, g => g.Select(c => c.CodeId.ToString()).Distinct().ToList());
        RuleBroken.Unless(coded.Count >= 6, $"Code at least a few items by hand first: suggestions learn from them ({coded.Count} coded so far).");

        // Meaning joins the words when every item already has its vector (workshop items are embedded as they
        // arrive; an upload after its first theme discovery by meaning); embedding a whole corpus inside this request would be too slow.
        var vectors = await ItemEmbeddings.StoredAsync(session, embeddings, command.CorpusId, items);
        var suggester = CodeSuggester.Train(items.Where(i => coded.ContainsKey(i.Id)).Select(i => new TrainingItem(i.Text, coded[i.Id], vectors?[i.Id])).ToList());
        RuleBroken.Unless(suggester.LearntCodes.Count > 0, "No code has enough coded examples yet (each needs at least 3 items with it and 3 without).");

        session.DeleteWhere<CodeSuggestionDoc>(s => s.CorpusId == command.CorpusId && s.Status == "pending" && s.Origin == "model");
        var runId = Guid.CreateVersion7();
        var active = codebook.Active.Select(c => c.Id.ToString()).ToHashSet();
        var uncoded = items.Where(i => !coded.ContainsKey(i.Id)).ToList();
        var suggestions = uncoded.SelectMany(i => suggester.Suggest(i.Text, Minimum, vectors?[i.Id]).Where(s => active.Contains(s.Code)).Select(s => new CodeSuggestionDoc
        {
            Id = Guid.CreateVersion7(), CorpusId = command.CorpusId, RunId = runId, ItemId = i.Id, CodeId = Guid.Parse(s.Code),
            Confidence = Math.Round(s.Confidence, 4), Queue = s.Confidence >= Confident ? "suggested" : "review", SuggestedAt = now
        })).ToArray();
        if (suggestions.Length > 0) session.Insert(suggestions);

        string Name(string id) => codebook.CodeOf(Guid.Parse(id))?.Name ?? id;
        return new SuggestionRun(runId, coded.Count, uncoded.Count, suggestions.Count(s => s.Queue == "suggested"), suggestions.Count(s => s.Queue == "review"),
            suggester.LearntCodes.Select(Name).ToList(), suggester.UnlearntCodes.Select(Name).ToList());
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class DecideSuggestionHandler
{
    /// <summary>Accepting applies the code as the accepting analyst's coding (source "suggestion"); rejecting records the human "no".</summary>
    public static async Task Handle(DecideSuggestion command, IDocumentSession session, DateTimeOffset now)
    {
        var suggestion = await session.LoadAsync<CodeSuggestionDoc>(command.SuggestionId);
        RuleBroken.Unless(suggestion is not null && suggestion.CorpusId == command.CorpusId, "The suggestion was not found.", 404);
        RuleBroken.Unless(suggestion!.Status == "pending", $"The suggestion was already {suggestion.Status}.", 409);
        suggestion.Status = command.Accept ? "accepted" : "rejected";
        (suggestion.DecidedBy, suggestion.DecidedAt) = (command.By, now);
        session.Store(suggestion);
        if (!command.Accept) return;
        var (item, codebook, codings) = await session.ItemInContext(command.CorpusId, suggestion.ItemId);
        CodingRules.Apply(new ApplyCode(command.CorpusId, suggestion.ItemId, new CodingForm(suggestion.CodeId, null, null), command.By, command.ByName, "suggestion"),
            item, codebook, codings, session, now);
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class PromoteDiscoveredThemeHandler
{
    /// <summary>A candidate theme becomes a code; its members become suggestions to review, never codings.</summary>
    public static async Task<(CodebookChanged, Events)> Handle(PromoteDiscoveredTheme command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Codebook? codebook, IDocumentSession session, DateTimeOffset now)
    {
        var job = await session.LoadAsync<DiscoveryJob>(command.JobId);
        RuleBroken.Unless(job is { Status: "done" } && job.CorpusId == command.CodebookId, "The theme discovery job was not found or has not finished.", 404);
        RuleBroken.Unless(command.Index >= 0 && command.Index < job!.Result.Count, $"The run found {job!.Result.Count} themes; there is no theme {command.Index + 1}.", 404);
        var theme = job.Result[command.Index];
        var code = new CodeForm(string.IsNullOrWhiteSpace(command.Name) ? theme.Label : command.Name, null,
            $"Found by theme discovery; its distinguishing terms: {string.Join(", ", theme.Terms)}.", "", "", theme.Quotes.FirstOrDefault()?.Text ?? "", null)
            .Check(codebook, Guid.CreateVersion7());
        session.Insert(theme.ItemIds.Select(item => new CodeSuggestionDoc
        {
            Id = Guid.CreateVersion7(), CorpusId = command.CodebookId, RunId = job.Id, ItemId = item, CodeId = code.Id, Origin = "discovery", Queue = "review", SuggestedAt = now
        }).ToArray());
        return (new CodebookChanged(code.Id, (codebook?.Version ?? 0) + 1), [new CodeAdded(command.CodebookId, code, command.By, now)]);
    }
}

public record PromoteForm(string? Name);

[Authorize(Roles = Roles.Analysts)]
public static class SuggestionsCommandsEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/suggestions")]
    public static Task<IResult> Post(Guid id, IMessageBus bus) =>
        ApiDoor.Invoke<SuggestionRun>(bus, new SuggestCodes(id), run => Results.Created($"/api/analysis/corpora/{id}/suggestions?runId={run.RunId}", run));

    [WolverinePost("/api/analysis/corpora/{id}/suggestions/{suggestionId}/accept")]
    public static Task<IResult> Accept(Guid id, Guid suggestionId, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new DecideSuggestion(id, suggestionId, true, user.Analyst(), user.Identity?.Name ?? "Analyst"), Results.NoContent());

    [WolverinePost("/api/analysis/corpora/{id}/suggestions/{suggestionId}/reject")]
    public static Task<IResult> Reject(Guid id, Guid suggestionId, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new DecideSuggestion(id, suggestionId, false, user.Analyst(), user.Identity?.Name ?? "Analyst"), Results.NoContent());

    [WolverinePost("/api/analysis/corpora/{id}/theme-discovery/{jobId}/themes/{index}/promote")]
    public static Task<IResult> Promote(Guid id, Guid jobId, int index, PromoteForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<CodebookChanged>(bus, new PromoteDiscoveredTheme(id, jobId, index, form.Name, user.Analyst()),
            changed => Results.Created($"/api/analysis/corpora/{id}/codebook/codes/{changed.CodeId}", new { id = changed.CodeId, version = changed.Version }));
}
