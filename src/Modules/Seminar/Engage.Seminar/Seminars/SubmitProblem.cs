using Engage.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Seminars;

public record SubmitProblem(string? Text, string? InterestGroup);

public record ProblemCreated(Guid Id, Guid SeminarId) : CreationResponse($"/api/seminars/{SeminarId}/problems/{Id}");

[MartenStore(typeof(ISeminarStore))]
[Authorize(Roles = Roles.SeminarLeads)]
public static class SubmitProblemEndpoint
{
    public static ProblemDetails Validate(SubmitProblem command, Seminar seminar) =>
        string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > 2000
            ? Problems.BadRequest("'text' is required (at most 2,000 characters).")
            : string.IsNullOrWhiteSpace(command.InterestGroup) || command.InterestGroup.Length > 100
                ? Problems.BadRequest("'interestGroup' is required (at most 100 characters).")
                : seminar.Status == SeminarStatus.Concluded
                    ? Problems.Conflict("The seminar has concluded; no more problems can be added.")
                    : WolverineContinue.NoProblems;

    [WolverinePost("/api/seminars/{id}/problems")]
    public static (ProblemCreated, Events) Post(SubmitProblem command, [WriteAggregate] Seminar seminar, DateTimeOffset now)
    {
        var problemId = Guid.CreateVersion7();
        return (new ProblemCreated(problemId, seminar.Id),
            [new ProblemSubmitted(problemId, command.Text!.Trim(), command.InterestGroup!.Trim(), now)]);
    }
}
