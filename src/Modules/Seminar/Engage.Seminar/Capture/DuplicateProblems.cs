using System.Security.Cryptography;
using System.Text;
using Engage.Embeddings;
using Engage.Methods.Vectors;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Capture;

/// <summary>The meaning of a problem statement, kept in schema <c>seminar</c> beside the seminar (docs/adr/0017).</summary>
public class ProblemEmbedding
{
    public Guid Id { get; set; }
    public Guid SeminarId { get; set; }
    public string Model { get; set; } = "";
    public string TextHash { get; set; } = "";
    public byte[] Vector { get; set; } = [];

    public static string HashOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

/// <summary>Sent with each new statement: the model runs on a durable local queue, never inside the facilitator's request.</summary>
public record EmbedProblem(Guid SeminarId, Guid ProblemId, string Text);

[MartenStore(typeof(ISeminarStore))]
public static class EmbedProblemHandler
{
    public static Task<ProblemEmbedding?> LoadAsync(EmbedProblem command, IQuerySession session) => session.LoadAsync<ProblemEmbedding>(command.ProblemId);

    /// <summary>Once per statement and text: a redelivered message finds the vector and embeds nothing.</summary>
    public static IMartenOp Handle(EmbedProblem command, ProblemEmbedding? existing, TextEmbeddings embeddings)
    {
        if (!embeddings.Enabled || string.IsNullOrWhiteSpace(command.Text)) return MartenOps.Nothing();
        var hash = ProblemEmbedding.HashOf(command.Text);
        if (existing is not null && existing.Model == embeddings.ModelName && existing.TextHash == hash) return MartenOps.Nothing();
        return MartenOps.Store(new ProblemEmbedding
        {
            Id = command.ProblemId, SeminarId = command.SeminarId, Model = embeddings.ModelName, TextHash = hash,
            Vector = VectorMath.ToBytes(embeddings.Embedder.Embed(command.Text))
        });
    }
}

public record PossibleDuplicate(Guid ProblemId, string Text, Guid DuplicateId, string DuplicateText, double Similarity);

/// <summary>
/// Statements that say the same thing in other words, for the facilitator to merge (or not): every pair
/// of unmerged statements whose embeddings are at least <see cref="Threshold"/> alike, most alike first.
/// A seminar has tens to hundreds of statements, so comparing every pair is instant.
/// </summary>
[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
public static class DuplicateProblemsEndpoint
{
    /// <summary>MiniLM puts rewordings of one problem at 0.6 and above, and different problems of one field near 0.3-0.5.</summary>
    public const float Threshold = 0.6f;

    [WolverineGet("/api/seminars/{id}/problems/duplicates")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, TextEmbeddings embeddings)
    {
        if (await session.LoadAsync<Seminars.Seminar>(id) is not { } seminar) return ApiDoor.Problem(new RuleBroken(404, "The seminar was not found."));
        return Results.Ok(embeddings.Enabled ? await Find(seminar, session, embeddings.ModelName) : []);
    }

    public static async Task<IReadOnlyList<PossibleDuplicate>> Find(Seminars.Seminar seminar, IQuerySession session, string model)
    {
        var open = seminar.Problems.Where(p => p.MergedInto is null).ToDictionary(p => p.Id);
        var vectors = (await session.Query<ProblemEmbedding>().Where(e => e.SeminarId == seminar.Id && e.Model == model).ToListAsync())
            .Where(e => open.TryGetValue(e.Id, out var p) && e.TextHash == ProblemEmbedding.HashOf(p.Text))
            .Select(e => (e.Id, Vector: VectorMath.FromBytes(e.Vector))).ToList();
        var pairs = new List<PossibleDuplicate>();
        for (var i = 0; i < vectors.Count; i++)
            for (var j = i + 1; j < vectors.Count; j++)
            {
                var similarity = VectorMath.Dot(vectors[i].Vector, vectors[j].Vector);
                if (similarity < Threshold) continue;
                // The earlier statement is the one to keep; the later is the possible duplicate.
                var (a, b) = (open[vectors[i].Id], open[vectors[j].Id]);
                if (b.SubmittedAt < a.SubmittedAt) (a, b) = (b, a);
                pairs.Add(new PossibleDuplicate(a.Id, a.Text, b.Id, b.Text, Math.Round(similarity, 3)));
            }
        return pairs.OrderByDescending(p => p.Similarity).ThenBy(p => p.ProblemId).ToList();
    }
}
