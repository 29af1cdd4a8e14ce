using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Engage.Analysis.Pages;

/// <summary>
/// The workspace's own script and styles, compiled into the module so they ship with its pages and are served
/// from Engage itself: the content security policy allows scripts from this site only, and none inline.
/// </summary>
public static class WorkspaceAssetsEndpoint
{
    private static readonly Lazy<string> Script = new(() => Read("coding.js"));
    private static readonly Lazy<string> Styles = new(() => Read("workspace.css"));

    [AllowAnonymous]
    [WolverineGet("/analysis/assets/coding.js")]
    public static IResult CodingScript(HttpResponse response) => Serve(response, Script.Value, "text/javascript");

    [AllowAnonymous]
    [WolverineGet("/analysis/assets/workspace.css")]
    public static IResult WorkspaceStyles(HttpResponse response) => Serve(response, Styles.Value, "text/css");

    private static IResult Serve(HttpResponse response, string body, string type)
    {
        response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(body, type + "; charset=utf-8");
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Engage.Analysis.Assets.{name}")
                           ?? throw new InvalidOperationException($"The workspace asset {name} is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }
}
