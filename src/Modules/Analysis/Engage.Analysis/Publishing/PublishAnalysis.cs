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

public record RequestPublication(Guid CorpusId, string? Title, Guid By);

[MartenStore(typeof(IAnalysisStore))]
public static class RequestPublicationHandler
{
    /// <summary>The publication is recorded and its work queued in one transaction: it runs even if the host stops right after answering.</summary>
    public static async Task<(Guid, PublishCorpusAnalysis)> Handle(RequestPublication command, IDocumentSession session, DateTimeOffset now)
    {
        var corpus = await session.LoadAsync<Corpus>(command.CorpusId);
        RuleBroken.Unless(corpus is not null, "The corpus was not found.", 404);
        RuleBroken.Unless(await session.ItemsOf(command.CorpusId).AnyAsync(), "The corpus is empty: there is nothing to publish.");
        var workshop = await session.LoadAsync<CorpusWorkshop>(command.CorpusId);
        var title = string.IsNullOrWhiteSpace(command.Title) ? $"What we heard: {workshop?.Opened.Title ?? corpus!.Name}" : command.Title.Trim();
        RuleBroken.Unless(title.Length <= 200, "The publication's title is at most 200 characters.");

        var publication = new PublishedAnalysis { Id = Guid.CreateVersion7(), CorpusId = command.CorpusId, Title = title, RequestedBy = command.By, RequestedAt = now };
        session.Insert(publication);
        return (publication.Id, new PublishCorpusAnalysis(publication.Id));
    }
}

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class PublishAnalysisEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/publish")]
    public static Task<IResult> Post(Guid id, PublishForm? form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<Guid>(bus, new RequestPublication(id, form?.Title, user.Analyst()),
            analysisId => Results.Accepted($"/api/analysis/corpora/{id}/publications/{analysisId}", new { analysisId }));

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
