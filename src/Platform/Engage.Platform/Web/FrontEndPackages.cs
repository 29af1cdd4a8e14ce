using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Engage.Platform.Web;

/// <summary>
/// Serves the NHS.UK design system and htmx from the npm packages the run and test scripts install
/// (node_modules at the repository root, or Web:NodeModules), so no dist files are committed; and
/// Engage's own small script. Everything a page loads comes from Engage itself, as the content
/// security policy demands.
/// </summary>
public static class FrontEndPackages
{
    private static readonly (string Url, string Folder)[] Packages =
    [
        ("/assets/nhsuk", "nhsuk-frontend/dist/nhsuk"),
        // The design system's stylesheet asks for its icons (the error cross, sort arrows) at this root.
        ("/assets/images", "nhsuk-frontend/dist/nhsuk/assets/images"),
        ("/assets/htmx", "htmx.org/dist")
    ];

    public const string StyleSheet = "/assets/nhsuk/nhsuk-frontend.min.css";
    public const string EngageScript = "/assets/engage/engage.js";

    public static WebApplication UseFrontEndPackages(this WebApplication app)
    {
        var root = app.Configuration["Web:NodeModules"]
                   ?? Path.Combine(RepositoryRoot.Find(app.Environment.ContentRootPath), "node_modules");
        var styles = new NhsStyleSheet(Path.Combine(root, "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css"), app.Configuration["Web:FontFolder"]);
        var script = EmbeddedScript();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == StyleSheet && styles.Exists)
                await Serve(context, styles.Text, "text/css; charset=utf-8");
            else if (context.Request.Path == EngageScript)
                await Serve(context, script, "text/javascript; charset=utf-8");
            else
            {
                // Browsers ask for /favicon.ico on documents without an icon link (a report's web page).
                if (context.Request.Path == "/favicon.ico") context.Request.Path = "/assets/nhsuk/assets/images/favicon.ico";
                await next(context);
            }
        });
        if (app.Configuration["Web:FontFolder"] is { Length: > 0 } fonts && Directory.Exists(fonts))
            app.UseStaticFiles(new StaticFileOptions { RequestPath = "/assets/fonts", FileProvider = new PhysicalFileProvider(Path.GetFullPath(fonts)) });
        foreach (var (url, folder) in Packages)
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path))
            {
                app.Logger.LogWarning("Front-end package folder {Path} is missing: run `npm ci` (run.sh does)", path);
                continue;
            }
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = url,
                FileProvider = new PhysicalFileProvider(path),
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=86400"
            });
        }
        return app;
    }

    private static Task Serve(Microsoft.AspNetCore.Http.HttpContext context, string text, string type)
    {
        context.Response.ContentType = type;
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, text);
    }

    private static string EmbeddedScript()
    {
        using var stream = typeof(FrontEndPackages).Assembly.GetManifestResourceStream("Engage.Platform.Web.engage.js")
                           ?? throw new InvalidOperationException("engage.js is not embedded in Engage.Platform");
        return new StreamReader(stream).ReadToEnd();
    }
}

/// <summary>
/// The design system's stylesheet as Engage serves it. Its Frutiger font faces point at assets.nhs.uk:
/// the font is licensed to the NHS and not in the npm package, so with Web:FontFolder (a folder holding
/// the licensed .woff2/.woff files) they are served by Engage at /assets/fonts, and without it the faces
/// are left out and text falls back to Arial, which the design system names next. Either way no page
/// reaches another site.
/// </summary>
internal sealed partial class NhsStyleSheet(string path, string? fontFolder)
{
    private readonly Lazy<string> text = new(() => Rewrite(File.ReadAllText(path), fontFolder));

    public bool Exists => File.Exists(path);
    public string Text => text.Value;

    internal static string Rewrite(string css, string? fontFolder) =>
        fontFolder is { Length: > 0 }
            ? css.Replace("https://assets.nhs.uk/fonts/", "/assets/fonts/")
            : RemoteFontFace().Replace(css, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"@font-face\s*\{[^}]*https?://[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex RemoteFontFace();
}
