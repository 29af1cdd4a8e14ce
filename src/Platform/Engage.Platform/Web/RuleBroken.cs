using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Engage.Platform.Web;

/// <summary>
/// A rule a command broke, thrown by a module's message handler (which holds the rules) and turned
/// into an answer by whichever door invoked it: ProblemDetails for the API, the error summary for a
/// page. The handler's transaction never commits, so nothing is stored. Its message is written for the
/// person who made the mistake ("Enter a reason for reporting this post"), and <see cref="Field"/> names
/// the input it is about (the API's property name), so a page can link its error summary to that field
/// and the API can list it under <c>errors</c>.
/// </summary>
public sealed class RuleBroken(int status, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string? Field { get; } = field;

    public static void Unless(bool condition, string detail, int status = 400, string? field = null)
    {
        if (!condition) throw new RuleBroken(status, detail, field);
    }

    /// <summary>
    /// A text input, trimmed, in the NHS's words: "Enter a reason for reporting this post" when empty,
    /// "A reason for reporting this post must be 500 characters or fewer" when too long.
    /// <paramref name="what"/> is the thing asked for as a person would name it, with its article.
    /// </summary>
    public static string Text(string? value, string field, string what, int max, bool required = true)
    {
        var text = value?.Trim() ?? "";
        Unless(!required || text.Length > 0, $"Enter {what}", field: field);
        Unless(text.Length <= max, $"{Capitalised(what)} must be {max:N0} characters or fewer (it has {text.Length:N0})", field: field);
        Unless(!text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')), $"{Capitalised(what)} must not contain control characters", field: field);
        return text;
    }

    /// <summary>"whyItMatters" as a person reads it ("why it matters"), for rules that know only the API's name of a field.</summary>
    public static string Spoken(string field)
    {
        var last = field.Split('.')[^1];
        var words = new System.Text.StringBuilder();
        foreach (var c in last)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }

    /// <summary>
    /// A refusal is the caller's mistake, not the service's: a warning with the rule's words and no stack
    /// trace. (The host's logging drops the error Wolverine writes for the same exception.)
    /// </summary>
    public static void Log(HttpContext context, RuleBroken broken) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Engage.Refusals")
            .LogWarning("Refused {Method} {Path} with {Status}: {Problem}", context.Request.Method, context.Request.Path.Value, broken.Status, broken.Message);

    private static string Capitalised(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];
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

    /// <summary>The rule's words as ProblemDetails; a rule about one input also lists it under <c>errors</c>, as ASP.NET Core's validation problems do.</summary>
    public static IResult Problem(RuleBroken broken) => new Refusal(broken, Results.Problem(statusCode: broken.Status, detail: broken.Message,
        title: broken.Status switch { 403 => "Forbidden", 404 => "Not found", 409 => "Conflict", _ => "The request is not valid" },
        extensions: broken.Field is { } field ? new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [broken.Message] } } : null));

    /// <summary>The answer to a broken rule, noted in the log as a warning when it is sent.</summary>
    private sealed class Refusal(RuleBroken broken, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            RuleBroken.Log(context, broken);
            return problem.ExecuteAsync(context);
        }
    }

    public static IResult Created(string url, Guid id) => Results.Created(url, new { id, url });
}
