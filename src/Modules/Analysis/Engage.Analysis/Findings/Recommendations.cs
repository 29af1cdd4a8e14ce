using System.Security.Claims;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Contracts;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
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

public record WriteRecommendation(Guid CorpusId, RecommendationForm Form, Guid By);
public record ReviseRecommendation(Guid CorpusId, Guid RecommendationId, RecommendationForm Form);
public record WithdrawRecommendation(Guid CorpusId, Guid RecommendationId);

[MartenStore(typeof(IAnalysisStore))]
public static class WriteRecommendationHandler
{
    public static async Task<Guid> Handle(WriteRecommendation command, IDocumentSession session, DateTimeOffset now)
    {
        await CodebookRules.CorpusExists(session, command.CorpusId);
        var recommendation = new Recommendation { Id = Guid.CreateVersion7(), CorpusId = command.CorpusId, WrittenBy = command.By, WrittenAt = now };
        await RecommendationRules.Fill(recommendation, command.Form, session);
        session.Insert(recommendation);
        return recommendation.Id;
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class ReviseRecommendationHandler
{
    public static async Task Handle(ReviseRecommendation command, IDocumentSession session, DateTimeOffset now)
    {
        var recommendation = await RecommendationRules.Found(session, command.CorpusId, command.RecommendationId);
        await RecommendationRules.Fill(recommendation, command.Form, session);
        recommendation.RevisedAt = now;
        session.Store(recommendation);
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class WithdrawRecommendationHandler
{
    public static async Task Handle(WithdrawRecommendation command, IDocumentSession session) =>
        session.Delete(await RecommendationRules.Found(session, command.CorpusId, command.RecommendationId));
}

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class RecommendationsEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/recommendations")]
    public static Task<IResult> Post(Guid id, RecommendationForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<Guid>(bus, new WriteRecommendation(id, form, user.Analyst()),
            created => ApiDoor.Created($"/api/analysis/corpora/{id}/recommendations/{created}", created));

    [WolverinePut("/api/analysis/corpora/{id}/recommendations/{recommendationId}")]
    public static Task<IResult> Put(Guid id, Guid recommendationId, RecommendationForm form, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new ReviseRecommendation(id, recommendationId, form), Results.NoContent());

    [WolverineDelete("/api/analysis/corpora/{id}/recommendations/{recommendationId}")]
    public static Task<IResult> Delete(Guid id, Guid recommendationId, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new WithdrawRecommendation(id, recommendationId), Results.NoContent());

    /// <summary>Recommendations, each with the evidence computed from the corpus as it is now.</summary>
    [WolverineGet("/api/analysis/corpora/{id}/recommendations")]
    public static async Task<IResult> List(Guid id, IQuerySession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        return Results.Ok(Views(await CorpusFacts.LoadAsync(session, id)));
    }

    public static IReadOnlyList<RecommendationView> Views(CorpusFacts facts)
    {
        var groups = OpinionFindingsBuilder.Find(facts);
        return facts.Recommendations.Select(r => new RecommendationView(r.Id, r.Title, r.Description, r.Audience, r.Priority,
            r.ThemeIds, r.CodeIds, r.QuoteIds, Evidence.For(facts, r, groups), r.WrittenAt)).ToList();
    }
}

public static class RecommendationRules
{
    public static readonly string[] Priorities = ["high", "medium", "low"];

    public static async Task<Recommendation> Found(IQuerySession session, Guid corpusId, Guid recommendationId)
    {
        var recommendation = await session.LoadAsync<Recommendation>(recommendationId);
        RuleBroken.Unless(recommendation is not null && recommendation.CorpusId == corpusId, "The recommendation was not found.", 404);
        return recommendation!;
    }

    public static async Task Fill(Recommendation r, RecommendationForm form, IQuerySession session)
    {
        var settings = await session.SettingsOf(r.CorpusId);
        var codebook = await session.CodebookOf(r.CorpusId);
        var workshop = await session.LoadAsync<CorpusWorkshop>(r.CorpusId);
        var title = form.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) throw new RuleBroken(400, "A recommendation needs a title of at most 200 characters.");
        var description = form.Description?.Trim() ?? "";
        if (description.Length > 8000) throw new RuleBroken(400, "A recommendation's description is at most 8,000 characters.");
        if (!settings.Audiences.Any(a => a.Key == form.Audience))
            throw new RuleBroken(400, $"Choose who the recommendation is for: {string.Join(", ", settings.Audiences.Select(a => $"{a.Label} ({a.Key})"))}.");
        var priority = form.Priority ?? "medium";
        if (!Priorities.Contains(priority)) throw new RuleBroken(400, $"The priority is one of {string.Join(", ", Priorities)}.");
        var themes = (form.ThemeIds ?? []).Distinct().ToList();
        var unknownThemes = themes.Where(t => codebook.CodeOf(t) is not { Retired: false } && workshop?.Opened.Themes.Any(w => w.ThemeId == t) != true).ToList();
        if (unknownThemes.Count > 0) throw new RuleBroken(400, $"A theme the recommendation rests on is neither a code of this codebook nor a workshop theme (themeIds: {string.Join(", ", unknownThemes.Take(5))}).");
        var codes = (form.CodeIds ?? []).Distinct().ToList();
        if (codes.FirstOrDefault(c => codebook.CodeOf(c) is not { Retired: false }) is var unknown && unknown != Guid.Empty)
            throw new RuleBroken(400, $"A code the recommendation rests on is not in this codebook (codeIds: {unknown}).");
        var quotes = (form.QuoteIds ?? []).Distinct().ToArray();
        if (quotes.Length > 0 && await session.Query<Quote>().CountAsync(q => q.CorpusId == r.CorpusId && quotes.Contains(q.Id)) != quotes.Length)
            throw new RuleBroken(400, "A quote the recommendation cites is not starred in this corpus.");

        (r.Title, r.Description, r.Audience, r.Priority) = (title, description, form.Audience!, priority);
        (r.ThemeIds, r.CodeIds, r.QuoteIds) = (themes, codes, [.. quotes]);
    }
}
