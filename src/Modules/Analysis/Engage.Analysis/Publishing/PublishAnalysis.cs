using Engage.Analysis.Contracts;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Publishing;

public record PublishAnalysis(string? Title, FindingInput[]? Themes, RecommendationInput[]? Recommendations);
public record FindingInput(string? Title, string? Description, Guid[]? EvidenceContributionIds, Guid? WorkshopThemeId);
public record RecommendationInput(string? Audience, string? Text, int[]? ThemeIndexes);

/// <summary>What analysts published for a workshop, kept so later analysis can be compared with it.</summary>
public class PublishedAnalysis
{
    public Guid Id { get; set; }
    public Guid WorkshopId { get; set; }
    public AnalysisPublished Content { get; set; } = null!;
}

/// <summary>Publish the themes and recommended actions of a workshop's analysis, each tied to its evidence.</summary>
[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class PublishAnalysisEndpoint
{
    public static readonly string[] Audiences = ["national-bodies", "employers", "individuals"];

    public static async Task<HashSet<Guid>> LoadAsync(Guid workshopId, IQuerySession session) =>
        [.. await session.ItemsOf(workshopId).Select(x => x.Id).ToListAsync()];

    public static ProblemDetails Validate(PublishAnalysis command, HashSet<Guid> corpus)
    {
        if (corpus.Count == 0) return Problems.NotFound("A corpus for this workshop");
        if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Length > 200) return Problems.BadRequest("'title' is required (at most 200 characters).");
        if (command.Themes is not { Length: > 0 } themes || themes.Length > 100) return Problems.BadRequest("'themes' needs 1 to 100 themes.");
        if (themes.Any(t => string.IsNullOrWhiteSpace(t.Title) || t.Title.Length > 200)) return Problems.BadRequest("Every theme needs a 'title' of at most 200 characters.");
        var missing = themes.SelectMany(t => t.EvidenceContributionIds ?? []).Where(id => !corpus.Contains(id)).ToList();
        if (missing.Count > 0) return Problems.BadRequest($"Evidence names contributions not in this workshop's corpus: {string.Join(", ", missing.Take(5))}.");
        foreach (var r in command.Recommendations ?? [])
        {
            if (!Audiences.Contains(r.Audience)) return Problems.BadRequest($"A recommendation's 'audience' must be one of {string.Join(", ", Audiences)}.");
            if (string.IsNullOrWhiteSpace(r.Text) || r.Text.Length > 4000) return Problems.BadRequest("A recommendation needs 'text' of at most 4,000 characters.");
            if ((r.ThemeIndexes ?? []).Any(i => i < 0 || i >= themes.Length)) return Problems.BadRequest("A recommendation's 'themeIndexes' must point at published themes.");
        }
        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/analysis/workshops/{workshopId}/publish")]
    public static (AcceptResponse, IMartenOp, OutgoingMessages) Post(Guid workshopId, PublishAnalysis command, DateTimeOffset now)
    {
        var themes = command.Themes!.Select(t => new FindingTheme(Guid.CreateVersion7(), t.Title!.Trim(), t.Description?.Trim() ?? "",
            t.WorkshopThemeId is { } w ? [w] : [], 0, 0, 0, [], [], 0, 0, new SentimentFigures(0, 0, 0, 0), [], [],
            t.EvidenceContributionIds ?? [])).ToList();
        var recommendations = (command.Recommendations ?? []).Select(r => new RecommendedAction(Guid.CreateVersion7(), r.Audience!,
            r.Text!.Trim(), r.Text!.Trim(), "medium", (r.ThemeIndexes ?? []).Select(i => themes[i].ThemeId).ToList(), [], [], [], [],
            new RecommendationEvidence(0, 0, 0, 0, 0, null, []))).ToList();
        var published = new AnalysisPublished(Guid.CreateVersion7(), workshopId, workshopId, command.Title!.Trim(), now, null,
            new ParticipationFigures(0, 0, 0, 0, []), new MethodFacts(0, 0, 0, 0, 0, null, ""), themes, null, recommendations, []);

        return (new AcceptResponse($"/api/analysis/workshops/{workshopId}"),
            MartenOps.Insert(new PublishedAnalysis { Id = published.AnalysisId, WorkshopId = workshopId, Content = published }),
            [published]);
    }
}
