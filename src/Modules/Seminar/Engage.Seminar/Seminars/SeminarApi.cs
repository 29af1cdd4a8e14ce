using Engage.Platform;
using Microsoft.AspNetCore.Http;
using Wolverine;

namespace Engage.Seminar.Seminars;

/// <summary>
/// The API door onto the seminar's message handlers, which hold the rules: a broken rule comes back
/// as ProblemDetails naming it, and nothing was stored (the handler's transaction never committed).
/// </summary>
public static class SeminarApi
{
    public static async Task<IResult> Invoke<T>(IMessageBus bus, object command, Func<T, IResult> answer)
    {
        try { return answer(await bus.InvokeAsync<T>(command)); }
        catch (SeminarRuleBroken broken) { return Problem(broken); }
    }

    public static async Task<IResult> Invoke(IMessageBus bus, object command, IResult answer)
    {
        try
        {
            await bus.InvokeAsync(command);
            return answer;
        }
        catch (SeminarRuleBroken broken) { return Problem(broken); }
    }

    public static IResult Problem(SeminarRuleBroken broken) => Results.Problem(statusCode: broken.Status, detail: broken.Message,
        title: broken.Status switch { 404 => "Not found", 409 => "Conflict", _ => "The request is not valid" });

    public static IResult Created(string url, Guid id) => Results.Created(url, new { id, url });
}
