using System.Text.RegularExpressions;
using Engage.Embeddings;
using Engage.Methods.Vectors;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Contributions;

public record SimilarContribution(Guid Id, string Pseudonym, string Text, double Score);

/// <summary>
/// What someone is typing, against what others already said under the theme. By meaning when a sentence
/// model is configured: the typed text's embedding against every embedded contribution of the theme
/// (exact nearest neighbours in memory, see <see cref="ThemeVectorIndex"/>), so "no protected study time"
/// finds "my trust will not release me for training". Otherwise, or for a theme nothing of which is
/// embedded yet, by words: IDF-weighted cosine
/// over content words, so a shared rare word ("preceptorship") counts for more than a common one
/// ("training"). Shown while typing so people can agree with an existing idea instead of repeating it.
/// </summary>
public static partial class SimilarContributions
{
    public const double Threshold = 0.25;

    /// <summary>
    /// Measured with MiniLM (bench/AnalysisBench README, "similarity"): the same complaint in other words scores
    /// 0.33-0.6 ("my trust will not release me for training" ~ "no protected study time" 0.35), unrelated
    /// contributions of one workshop -0.05 to 0.2, near-rewordings 0.8. 0.3 keeps the paraphrases and drops the rest.
    /// </summary>
    public const float MeaningThreshold = 0.3f;

    public static async Task<IReadOnlyList<SimilarContribution>> FindAsync(
        string text, Guid workshopId, Guid themeId, IQuerySession session, TextEmbeddings embeddings, ThemeVectorIndex index, int take = 3)
    {
        if (embeddings.Enabled && await index.ForThemeAsync(session, embeddings.ModelName, workshopId, themeId) is { Vectors.Count: > 0 } theme)
        {
            var query = embeddings.Embedder.Embed(text);
            // A few more than shown: some may since have been withdrawn or held by a moderator.
            var near = NearestNeighbours.Find(theme.Vectors, query, take * 3, MeaningThreshold);
            if (near.Count == 0) return [];
            var found = (await session.LoadManyAsync<Contribution>(near.Select(n => theme.Ids[n.Index]))).ToDictionary(c => c.Id);
            return near.Select(n => (Contribution: found.GetValueOrDefault(theme.Ids[n.Index]), n.Similarity))
                .Where(x => x.Contribution is { Status: ContributionStatus.Published })
                .Take(take)
                .Select(x => new SimilarContribution(x.Contribution!.Id, x.Contribution.Pseudonym, x.Contribution.Text, Math.Round(x.Similarity, 3)))
                .ToList();
        }
        return Find(text, await CandidatesAsync(session, workshopId, themeId), take);
    }

    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out", "has", "have",
        "this", "that", "with", "they", "from", "there", "their", "what", "which", "when", "who", "will", "would", "should", "could",
        "been", "more", "some", "than", "then", "them", "these", "those", "into", "also", "just", "very", "about", "need", "needs", "its"
    ];

    public static IReadOnlyList<SimilarContribution> Find(string text, IReadOnlyList<Contribution> candidates, int take = 3)
    {
        var query = Words(text);
        if (query.Count == 0 || candidates.Count == 0) return [];
        var documents = candidates.Select(c => (Contribution: c, Words: Words(c.Text))).ToList();
        var frequency = documents.SelectMany(d => d.Words).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        double Idf(string word) => Math.Log((1.0 + documents.Count) / (1 + frequency.GetValueOrDefault(word))) + 1;
        double Norm(HashSet<string> words) => Math.Sqrt(words.Sum(w => Idf(w) * Idf(w)));

        var queryNorm = Norm(query);
        return documents
            .Where(d => d.Words.Count > 0)
            .Select(d => (d.Contribution, Score: d.Words.Where(query.Contains).Sum(w => Idf(w) * Idf(w)) / (queryNorm * Norm(d.Words))))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Contribution.PostedAt).Take(take)
            .Select(x => new SimilarContribution(x.Contribution.Id, x.Contribution.Pseudonym, x.Contribution.Text, Math.Round(x.Score, 3)))
            .ToList();
    }

    /// <summary>Content words, with a crude plural fold so "rotas" meets "rota".</summary>
    public static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .Select(w => w.Length > 4 && w.EndsWith('s') && !w.EndsWith("ss") ? w[..^1] : w)
            .ToHashSet();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    /// <summary>The theme's published contributions to compare against: the most recent few thousand.</summary>
    public static async Task<IReadOnlyList<Contribution>> CandidatesAsync(IQuerySession session, Guid workshopId, Guid themeId) =>
        await session.Query<Contribution>()
            .Where(c => c.WorkshopId == workshopId && c.ThemeId == themeId && c.Status == ContributionStatus.Published)
            .OrderByDescending(c => c.PostedAt).Take(3_000).ToListAsync();
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Participant)]
public static class SimilarContributionsEndpoint
{
    [WolverineGet("/api/workshops/{id}/themes/{themeId}/similar")]
    public static async Task<IResult> Get(Guid id, Guid themeId, string? text, IQuerySession session, TextEmbeddings embeddings, ThemeVectorIndex index)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > PostContributionHandler.MaxLength)
            return ApiDoor.Problem(new RuleBroken(400, $"'text' is required (at most {PostContributionHandler.MaxLength:N0} characters)."));
        return Results.Ok(await SimilarContributions.FindAsync(text, id, themeId, session, embeddings, index));
    }
}
