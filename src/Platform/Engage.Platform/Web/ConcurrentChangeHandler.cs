using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Engage.Platform.Web;

/// <summary>
/// Two requests changed the same thing at the same moment and the database kept the first (Marten's
/// version check): the second is told so with a 409, not a 500, and may look again and retry.
/// </summary>
public sealed class ConcurrentChangeHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsConcurrentChange(exception)) return false;
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, Exception = exception,
            ProblemDetails = { Status = 409, Title = "Conflict", Detail = "Someone else changed this at the same moment. Look again, then try again if it still applies." }
        });
    }

    public static bool IsConcurrentChange(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is JasperFx.ConcurrencyException) return true;
        return false;
    }
}
