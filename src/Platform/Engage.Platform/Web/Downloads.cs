using System.Reflection;
using Engage.Platform.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Engage.Platform.Web;

/// <summary>
/// Marks an API <c>GET</c> whose answer is a file that people also download from a page link (a report's
/// PDF, a data table, a seminar's CSV). Such a route takes the sign-in cookie as well as a bearer token
/// (docs/adr/0008): reading a file changes nothing, so the cookie brings no cross-site request risk, and
/// every other API route still takes bearer tokens only.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DownloadAttribute : Attribute;

public static class Downloads
{
    /// <summary>The scheme a request is signed in by: cookies for pages and for downloads asked for by a browser, bearer for the API.</summary>
    public static string SchemeFor(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return CookieAuthenticationDefaults.AuthenticationScheme;
        if (!IsDownload(context) || context.Request.Headers.Authorization.Count > 0) return AccessTokens.Scheme;
        // A browser (it sends the cookie, or asks for a page) is signed in, or sent to sign in, as on any page;
        // a script without a token gets the API's 401.
        return context.Request.Cookies.ContainsKey(SignInCookie) || WantsPage(context.Request)
            ? CookieAuthenticationDefaults.AuthenticationScheme
            : AccessTokens.Scheme;
    }

    public const string SignInCookie = "engage";

    public static bool IsDownload(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return false;
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata is null) return false;
        if (metadata.GetMetadata<DownloadAttribute>() is not null) return true;
        // Wolverine endpoints carry their method: the attribute may sit on it or on its class.
        return metadata.GetMetadata<MethodInfo>() is { } method
               && (method.GetCustomAttribute<DownloadAttribute>() is not null || method.DeclaringType?.GetCustomAttribute<DownloadAttribute>() is not null);
    }

    /// <summary>A browser following a link asks for HTML first; API clients ask for JSON or anything.</summary>
    public static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>A person who followed a download link is answered with a page when the file cannot be given, not with JSON.</summary>
    public static bool AnswersWithPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") || (IsDownload(context) && WantsPage(context.Request));

    /// <summary>Where the error page finds what a download's problem said, to show it in plain words.</summary>
    public const string ProblemDetailItem = "engage.problem-detail";
}

/// <summary>
/// A download's problem (the report was not found, PDF printing is unavailable) for a person at a browser:
/// nothing is written here, so the status code page shows the NHS error page with the problem's detail.
/// </summary>
internal sealed class DownloadProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        context.HttpContext.Request.Path.StartsWithSegments("/api") && Downloads.AnswersWithPage(context.HttpContext);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        context.HttpContext.Items[Downloads.ProblemDetailItem] = context.ProblemDetails.Detail;
        return ValueTask.CompletedTask;
    }
}
