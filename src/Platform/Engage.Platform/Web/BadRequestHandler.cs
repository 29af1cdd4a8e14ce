using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Engage.Platform.Web;

/// <summary>
/// A request the server itself refused while it was being read (a body over the size cap, a malformed
/// form) is the caller's fault: its own status (413, 400) as ProblemDetails, never a 500.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (Find(exception) is not { } bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode, Title = bad.StatusCode == 413 ? "Too large" : "The request is not valid", Detail = bad.Message
            }
        });
    }

    private static BadHttpRequestException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException bad) return bad;
        return null;
    }
}
