using System.Security.Claims;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Contracts;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Publishing;

public record PublishForm(string? Title);

/// <summary>Freezes and publishes the analysis; run on a durable local queue, as it reads the whole corpus.</summary>
public record PublishCorpusAnalysis(Guid AnalysisId);

/// <summary>A publication of a corpus's analysis: queued, then published with the frozen content, which never changes after.</summary>
public class PublishedAnalysis
{
    public Guid Id { get; set; }
    public Guid CorpusId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>"queued" or "published".</summary>
    public string Status { get; set; } = "queued";
    public Guid RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public AnalysisPublished? Content { get; set; }
}

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class PublishAnalysisEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/publish")]
    public static async Task<IResult> Post(Guid id, PublishForm? form, ClaimsPrincipal user, IDocumentSession session, IMessageContext bus, DateTimeOffset now)
    {
        if (await session.LoadAsync<Corpus>(id) is not { } corpus) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        if (!await session.ItemsOf(id).AnyAsync()) return ApiDoor.Problem(new RuleBroken(400, "The corpus is empty: there is nothing to publish."));
        var workshop = await session.LoadAsync<CorpusWorkshop>(id);
        var title = string.IsNullOrWhiteSpace(form?.Title) ? $"What we heard: {workshop?.Opened.Title ?? corpus.Name}" : form.Title.Trim();
        if (title.Length > 200) return ApiDoor.Problem(new RuleBroken(400, "'title' is at most 200 characters."));

        var publication = new PublishedAnalysis { Id = Guid.CreateVersion7(), CorpusId = id, Title = title, RequestedBy = user.Analyst(), RequestedAt = now };
        session.Insert(publication);
        await bus.PublishAsync(new PublishCorpusAnalysis(publication.Id));
        return Results.Accepted($"/api/analysis/corpora/{id}/publications/{publication.Id}", new { analysisId = publication.Id });
    }

    [WolverineGet("/api/analysis/corpora/{id}/publications")]
    public static async Task<IReadOnlyList<object>> List(Guid id, IQuerySession session) =>
        (await session.Query<PublishedAnalysis>().Where(p => p.CorpusId == id).OrderByDescending(p => p.RequestedAt).ToListAsync())
            .Select(p => (object)new { p.Id, p.Title, p.Status, p.RequestedAt, publishedAt = p.Content?.PublishedAt }).ToList();

    [WolverineGet("/api/analysis/corpora/{id}/publications/{analysisId}")]
    public static async Task<IResult> Get(Guid id, Guid analysisId, IQuerySession session) =>
        await session.LoadAsync<PublishedAnalysis>(analysisId) is { } p && p.CorpusId == id
            ? Results.Ok(p)
            : ApiDoor.Problem(new RuleBroken(404, "The publication was not found."));
}

[MartenStore(typeof(IAnalysisStore))]
public static class PublishCorpusAnalysisHandler
{
    public static Task<PublishedAnalysis?> LoadAsync(PublishCorpusAnalysis command, IQuerySession session) =>
        session.LoadAsync<PublishedAnalysis>(command.AnalysisId);

    /// <summary>A redelivered command finds the publication done and publishes nothing twice.</summary>
    public static async Task<OutgoingMessages> Handle(PublishCorpusAnalysis command, PublishedAnalysis? publication, IDocumentSession session, DateTimeOffset now)
    {
        if (publication is not { Status: "queued" }) return [];
        var facts = await CorpusFacts.LoadAsync(session, publication.CorpusId);
        var reliability = await ReliabilityFigures(session, publication.CorpusId, facts);
        publication.Content = AnalysisSnapshot.Take(facts, publication, reliability, now);
        publication.Status = "published";
        session.Store(publication);
        return [publication.Content];
    }

    /// <summary>The newest double-coding sample's figures, or those over every item two analysts coded; null when neither can be computed.</summary>
    private static async Task<ReliabilityFigures?> ReliabilityFigures(IDocumentSession session, Guid corpusId, CorpusFacts facts)
    {
        var sample = await session.Query<Coding.CodingSample>().Where(s => s.CorpusId == corpusId).OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync();
        foreach (var sampleId in new[] { sample?.Id, null }.Distinct())
        {
            try
            {
                var r = await Coding.CorpusReliabilityEndpoint.Assess(corpusId, sampleId, session);
                return new ReliabilityFigures(r.KrippendorffAlpha, r.PercentAgreement, r.CohenKappa, r.Units, r.Coders.Count,
                    r.Codes.Select(c => new CodeReliabilityFigure(c.CodeId, c.Code, c.KrippendorffAlpha, c.PercentAgreement)).ToList());
            }
            catch (Reliability.ReliabilityInputException) { }
            catch (RuleBroken) { }
        }
        return null;
    }
}
