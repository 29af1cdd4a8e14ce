using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Engage.Platform.Web;

/// <summary>
/// Serves the NHS.UK design system and htmx from the npm packages the run and test scripts install
/// (node_modules at the repository root, or Web:NodeModules), so no dist files are committed.
/// </summary>
public static class FrontEndPackages
{
    private static readonly (string Url, string Folder)[] Packages =
    [
        ("/assets/nhsuk", "nhsuk-frontend/dist/nhsuk"),
        ("/assets/htmx", "htmx.org/dist")
    ];

    public static WebApplication UseFrontEndPackages(this WebApplication app)
    {
        var root = app.Configuration["Web:NodeModules"]
                   ?? Path.Combine(RepositoryRoot.Find(app.Environment.ContentRootPath), "node_modules");
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
}
