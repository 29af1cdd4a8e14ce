using Microsoft.AspNetCore.Http;
using Wolverine;

namespace Engage.Platform.Web;

/// <summary>
/// A rule a command broke, thrown by a module's message handler (which holds the rules) and turned
/// into an answer by whichever door invoked it: ProblemDetails for the API, the error summary for a
/// page. The handler's transaction never commits, so nothing is stored.
/// </summary>
public sealed class RuleBroken(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public static void Unless(bool condition, string detail, int status = 400)
    {
        if (!condition) throw new RuleBroken(status, detail);
    }
}

/// <summary>The API door onto message handlers.</summary>
public static class ApiDoor
{
    public static async Task<IResult> Invoke<T>(IMessageBus bus, object command, Func<T, IResult> answer)
    {
        try { return answer(await bus.InvokeAsync<T>(command)); }
        catch (RuleBroken broken) { return Problem(broken); }
    }

    public static async Task<IResult> Invoke(IMessageBus bus, object command, IResult answer)
    {
        try
        {
            await bus.InvokeAsync(command);
            return answer;
        }
        catch (RuleBroken broken) { return Problem(broken); }
    }

    public static IResult Problem(RuleBroken broken) => Results.Problem(statusCode: broken.Status, detail: broken.Message,
        title: broken.Status switch { 403 => "Forbidden", 404 => "Not found", 409 => "Conflict", _ => "The request is not valid" });

    public static IResult Created(string url, Guid id) => Results.Created(url, new { id, url });
}
