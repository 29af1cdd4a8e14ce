using System.Security.Claims;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Contracts;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Findings;

/// <summary>
/// A recommended action analysts write for an audience. <see cref="ThemeIds"/> name codes of the
/// codebook or the workshop's own themes; its evidence is computed from them whenever it is read.
/// </summary>
public class Recommendation
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Audience { get; set; } = "";
    public string Priority { get; set; } = "medium";
    public List<Guid> ThemeIds { get; set; } = [];
    public List<Guid> CodeIds { get; set; } = [];
    public List<Guid> QuoteIds { get; set; } = [];
    public Guid WrittenBy { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
    public DateTimeOffset? RevisedAt { get; set; }
}

public record RecommendationForm(string? Title, string? Description, string? Audience, string? Priority, Guid[]? ThemeIds, Guid[]? CodeIds, Guid[]? QuoteIds);

public record RecommendationView(Guid Id, string Title, string Description, string Audience, string Priority, IReadOnlyList<Guid> ThemeIds,
    IReadOnlyList<Guid> CodeIds, IReadOnlyList<Guid> QuoteIds, RecommendationEvidence Evidence, DateTimeOffset WrittenAt);

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class RecommendationsEndpoint
{
    public static readonly string[] Priorities = ["high", "medium", "low"];

    [WolverinePost("/api/analysis/corpora/{id}/recommendations")]
    public static async Task<IResult> Post(Guid id, RecommendationForm form, ClaimsPrincipal user, IDocumentSession session, DateTimeOffset now)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var recommendation = new Recommendation { Id = Guid.CreateVersion7(), CorpusId = id, WrittenBy = user.Analyst(), WrittenAt = now };
        if (await Fill(recommendation, form, session) is { } problem) return ApiDoor.Problem(problem);
        session.Insert(recommendation);
        return ApiDoor.Created($"/api/analysis/corpora/{id}/recommendations/{recommendation.Id}", recommendation.Id);
    }

    [WolverinePut("/api/analysis/corpora/{id}/recommendations/{recommendationId}")]
    public static async Task<IResult> Put(Guid id, Guid recommendationId, RecommendationForm form, IDocumentSession session, DateTimeOffset now)
    {
        if (await session.LoadAsync<Recommendation>(recommendationId) is not { } recommendation || recommendation.CorpusId != id)
            return ApiDoor.Problem(new RuleBroken(404, "The recommendation was not found."));
        if (await Fill(recommendation, form, session) is { } problem) return ApiDoor.Problem(problem);
        recommendation.RevisedAt = now;
        session.Store(recommendation);
        return Results.NoContent();
    }

    [WolverineDelete("/api/analysis/corpora/{id}/recommendations/{recommendationId}")]
    public static async Task<IResult> Delete(Guid id, Guid recommendationId, IDocumentSession session)
    {
        if (await session.LoadAsync<Recommendation>(recommendationId) is not { } recommendation || recommendation.CorpusId != id)
            return ApiDoor.Problem(new RuleBroken(404, "The recommendation was not found."));
        session.Delete(recommendation);
        return Results.NoContent();
    }

    /// <summary>Recommendations by audience and priority, each with the evidence computed from the corpus as it is now.</summary>
    [WolverineGet("/api/analysis/corpora/{id}/recommendations")]
    public static async Task<IResult> List(Guid id, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var facts = await CorpusFacts.LoadAsync(session, id);
        var groups = OpinionFindingsBuilder.Find(facts);
        return Results.Ok(facts.Recommendations.Select(r => new RecommendationView(r.Id, r.Title, r.Description, r.Audience, r.Priority,
            r.ThemeIds, r.CodeIds, r.QuoteIds, Evidence.For(facts, r, groups), r.WrittenAt)).ToList());
    }

    private static async Task<RuleBroken?> Fill(Recommendation r, RecommendationForm form, IQuerySession session)
    {
        var settings = await session.SettingsOf(r.CorpusId);
        var codebook = await session.CodebookOf(r.CorpusId);
        var workshop = await session.LoadAsync<CorpusWorkshop>(r.CorpusId);
        var title = form.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) return new RuleBroken(400, "'title' is required (at most 200 characters).");
        var description = form.Description?.Trim() ?? "";
        if (description.Length > 8000) return new RuleBroken(400, "'description' is at most 8,000 characters.");
        if (!settings.Audiences.Any(a => a.Key == form.Audience))
            return new RuleBroken(400, $"'audience' must be one of {string.Join(", ", settings.Audiences.Select(a => a.Key))}.");
        var priority = form.Priority ?? "medium";
        if (!Priorities.Contains(priority)) return new RuleBroken(400, $"'priority' must be one of {string.Join(", ", Priorities)}.");
        var themes = (form.ThemeIds ?? []).Distinct().ToList();
        var unknownThemes = themes.Where(t => codebook.CodeOf(t) is not { Retired: false } && workshop?.Opened.Themes.Any(w => w.ThemeId == t) != true).ToList();
        if (unknownThemes.Count > 0) return new RuleBroken(400, $"'themeIds' names neither codes of this codebook nor workshop themes: {string.Join(", ", unknownThemes.Take(5))}.");
        var codes = (form.CodeIds ?? []).Distinct().ToList();
        if (codes.FirstOrDefault(c => codebook.CodeOf(c) is not { Retired: false }) is var unknown && unknown != Guid.Empty)
            return new RuleBroken(400, $"'codeIds' names a code this codebook does not have: {unknown}.");
        var quotes = (form.QuoteIds ?? []).Distinct().ToArray();
        if (quotes.Length > 0 && await session.Query<Quote>().CountAsync(q => q.CorpusId == r.CorpusId && quotes.Contains(q.Id)) != quotes.Length)
            return new RuleBroken(400, "'quoteIds' names quotes this corpus does not have.");

        (r.Title, r.Description, r.Audience, r.Priority) = (title, description, form.Audience!, priority);
        (r.ThemeIds, r.CodeIds, r.QuoteIds) = (themes, codes, [.. quotes]);
        return null;
    }
}
