using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Engage.Platform.Web;

/// <summary>
/// Headers every answer carries, pages, API, errors and static files alike, so a browser refuses
/// what Engage never does: scripts from elsewhere or inline, being framed by another site, guessing
/// content types, sending the address of a page (a sign-in link carries its token in the path) to
/// other sites. Added when the response starts, so an error page that cleared the headers gets them too.
/// </summary>
public static class SecurityHeaders
{
    // Scripts only from Engage's own files: a stored or reflected payload that escaped encoding still
    // cannot run. Inline style attributes stay allowed (pages use them for layout; CSS cannot run code).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Only over HTTPS: a browser ignores it on plain HTTP, and a developer's http://127.0.0.1 must keep working.
            if (context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
            // What a signed-in person sees (their data, the staff portal) stays out of shared and browser caches.
            if (context.User.Identity?.IsAuthenticated == true && !headers.ContainsKey("Cache-Control"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
