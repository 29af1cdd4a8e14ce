using Engage.Platform.Web;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Capture;

/// <summary>
/// Merge duplicate statements into one. The duplicates keep their text and group (they still count
/// as framed by their authors and travel with the kept statement), but no longer show separately.
/// </summary>
public record MergeProblems(Guid SeminarId, Guid KeepProblemId, Guid[] MergeProblemIds);

public record MergeForm(Guid KeepProblemId, Guid[]? MergeProblemIds);

[MartenStore(typeof(ISeminarStore))]
public static class MergeProblemsHandler
{
    public static Events Handle(MergeProblems command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar, DateTimeOffset now)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "its statements are fixed");
        var kept = found.ProblemOf(command.KeepProblemId);
        SeminarRules.Require(kept is { MergedInto: null }, "'keepProblemId' must be a statement of this seminar that is not itself merged.");
        var merged = (command.MergeProblemIds ?? []).Distinct().Where(id => id != command.KeepProblemId).ToArray();
        SeminarRules.Require(merged.Length > 0, "'mergeProblemIds' must name at least one other statement.");
        SeminarRules.Require(merged.All(id => found.ProblemOf(id) is { MergedInto: null }),
            "'mergeProblemIds' must name statements of this seminar that are not already merged.");
        // Duplicates merged earlier into a statement now being merged follow it to the kept one.
        var followers = found.Problems.Where(p => p.MergedInto is { } into && merged.Contains(into)).Select(p => p.Id);
        return [new ProblemsMerged(command.KeepProblemId, [.. merged, .. followers], now)];
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class MergeProblemsEndpoint
{
    [WolverinePost("/api/seminars/{id}/problems/merge")]
    public static Task<IResult> Post(Guid id, MergeForm form, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new MergeProblems(id, form.KeepProblemId, form.MergeProblemIds ?? []), Results.NoContent());
}
