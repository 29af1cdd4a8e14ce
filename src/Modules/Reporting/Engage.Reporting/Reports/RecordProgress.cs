using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Reporting.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

/// <summary><c>progress</c> is planned, in-progress, done or declined; declining needs a reason in <c>note</c>.</summary>
public record ProgressForm(string? Progress, string? Note);

/// <summary>Staff record what was done about a published recommendation: "you said, we recommended, we did".</summary>
public record RecordProgress(Guid ReportId, Guid RecommendationId, ProgressForm Form, string? By);

[MartenStore(typeof(IReportingStore))]
public static class RecordProgressHandler
{
    public const int MaxNote = 2_000;

    public static readonly IReadOnlyDictionary<string, RecommendationProgress> Values = new Dictionary<string, RecommendationProgress>
    {
        ["planned"] = RecommendationProgress.Planned, ["in-progress"] = RecommendationProgress.InProgress,
        ["done"] = RecommendationProgress.Done, ["declined"] = RecommendationProgress.Declined
    };

    public static Task<Report?> LoadAsync(RecordProgress command, IQuerySession session) => session.LoadAsync<Report>(command.ReportId);

    public static (IMartenOp, OutgoingMessages) Handle(RecordProgress command, Report? report, DateTimeOffset now)
    {
        RuleBroken.Unless(report is not null, "The report was not found.", 404);
        RuleBroken.Unless(report!.Version > 0, "Publish the report first: what was done is recorded against published recommendations.", 409);
        RuleBroken.Unless(report.PublishedRecommendations.Contains(command.RecommendationId), "That recommendation is not in a published version of this report.", 404);
        RuleBroken.Unless(command.Form.Progress is { } p && Values.ContainsKey(p.Trim().ToLowerInvariant()),
            $"'progress' must be one of {string.Join(", ", Values.Keys)}.");
        var progress = Values[command.Form.Progress!.Trim().ToLowerInvariant()];
        var note = command.Form.Note?.Trim() is { Length: > 0 } n ? n : null;
        RuleBroken.Unless(progress != RecommendationProgress.Declined || note is not null, "Give the reason in 'note' when a recommendation is declined: participants are told why.");
        RuleBroken.Unless(note is null || note.Length <= MaxNote, $"'note' is at most {MaxNote:N0} characters.");

        report.Progress.Add(new ProgressEntry(command.RecommendationId, progress, note, now, command.By));
        OutgoingMessages messages = [];
        if (report.WorkshopId is { } workshopId)
            messages.Add(new RecommendationProgressRecorded(report.Id, workshopId, command.RecommendationId, progress, note, now));
        return (MartenOps.Store(report), messages);
    }
}

[MartenStore(typeof(IReportingStore))]
[Authorize(Roles = Roles.Programme)]
public static class RecordProgressEndpoint
{
    [WolverinePost("/api/reports/{id}/recommendations/{recommendationId}/progress")]
    public static Task<IResult> Post(Guid id, Guid recommendationId, ProgressForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new RecordProgress(id, recommendationId, form, user.Identity?.Name), Results.NoContent());
}
