using Engage.Platform.SignInLinks;
using Engage.Platform.Web;
using Engage.Reporting.Content;
using Engage.Reporting.Outputs;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

/// <summary>The report's files, rendered on request from the stored edition (docs/adr/0011).</summary>
public static class ReportFiles
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="siteUrl">The site's public address: links in a downloaded file (to "How we count") must work away from the site.</param>
    public static async Task<IResult> Render(string file, ReportEdition edition, PdfPrinter printer, CancellationToken ct, string siteUrl = "")
    {
        // Built once; every format below only lays it out (docs/adr/0016).
        var outline = ReportOutlines.Build(edition, siteUrl);
        switch (file)
        {
            case "report.html":
                return Results.Content(HtmlReport.Document(outline), "text/html; charset=utf-8");
            case "report.pdf":
                try { return Results.File(await printer.PrintAsync(HtmlReport.Document(outline), edition.Title, ct), "application/pdf", Editions.FileName(edition, "pdf")); }
                catch (Microsoft.Playwright.PlaywrightException e)
                {
                    // Every other format still works; the message says what to install or configure.
                    return Results.Problem(statusCode: 503, title: "PDF printing is not available",
                        detail: $"Chromium could not print the report ({e.Message.Split('\n')[0]}). Install chromium or set Reporting__ChromiumPath; the web page and Word document are available.");
                }
            case "report.docx":
            {
                var stream = new MemoryStream();
                WordReport.Write(outline, stream);
                return Results.File(stream.ToArray(), Docx, Editions.FileName(edition, "docx"));
            }
            case "data.xlsx":
            {
                var stream = new MemoryStream();
                ExcelTables.Write(outline.DataTables, stream);
                return Results.File(stream.ToArray(), Xlsx, Editions.FileName(edition, "xlsx"));
            }
            default:
                var table = file.EndsWith(".csv") ? outline.DataTables.FirstOrDefault(t => t.Name == file[..^4]) : null;
                return table is null
                    ? ApiDoor.Problem(new RuleBroken(404, $"There is no file '{file}': the tables are {string.Join(", ", DataTables.Names.Select(n => n + ".csv"))}."))
                    : Results.File(CsvTables.Write(table), "text/csv", Editions.FileName(edition with { Title = $"{edition.Title} {table.Name}" }, "csv"));
        }
    }

    internal static async Task<IResult> Deliver(IQuerySession session, Guid id, int? version, string file, PdfPrinter printer, IOptions<SiteOptions> site, CancellationToken ct, bool publishedOnly = false)
    {
        try { return await Render(file, await Editions.RequireAsync(session, id, version, publishedOnly), printer, ct, site.Value.PublicUrl); }
        catch (RuleBroken broken) { return ApiDoor.Problem(broken); }
    }
}

/// <summary>Staff's downloads: the draft, or a published version with <c>?version=N</c>.</summary>
[MartenStore(typeof(IReportingStore))]
[Authorize(Roles = ReportingModule.Readers)]
[Download]
public static class DownloadReportEndpoint
{
    [WolverineGet("/api/reports/{id}/report.html")]
    public static Task<IResult> Html(Guid id, int? version, IQuerySession session, PdfPrinter printer, IOptions<SiteOptions> site, CancellationToken ct) =>
        ReportFiles.Deliver(session, id, version, "report.html", printer, site, ct);

    [WolverineGet("/api/reports/{id}/report.pdf")]
    public static Task<IResult> Pdf(Guid id, int? version, IQuerySession session, PdfPrinter printer, IOptions<SiteOptions> site, CancellationToken ct) =>
        ReportFiles.Deliver(session, id, version, "report.pdf", printer, site, ct);

    [WolverineGet("/api/reports/{id}/report.docx")]
    public static Task<IResult> Word(Guid id, int? version, IQuerySession session, PdfPrinter printer, IOptions<SiteOptions> site, CancellationToken ct) =>
        ReportFiles.Deliver(session, id, version, "report.docx", printer, site, ct);

    [WolverineGet("/api/reports/{id}/data.xlsx")]
    public static Task<IResult> Excel(Guid id, int? version, IQuerySession session, PdfPrinter printer, IOptions<SiteOptions> site, CancellationToken ct) =>
        ReportFiles.Deliver(session, id, version, "data.xlsx", printer, site, ct);

    [WolverineGet("/api/reports/{id}/data/{table}")]
    public static Task<IResult> Csv(Guid id, string table, int? version, IQuerySession session, PdfPrinter printer, IOptions<SiteOptions> site, CancellationToken ct) =>
        ReportFiles.Deliver(session, id, version, table, printer, site, ct);
}

/// <summary>
/// A published version is public: participants follow the link in "what we heard". Drafts never are;
/// asking for a version that was not published is a 404, the same as for one that does not exist.
/// </summary>
[MartenStore(typeof(IReportingStore))]
[AllowAnonymous]
[Download]
public static class PublishedReportEndpoint
{
    [WolverineGet("/api/reports/{id}/versions/{version}/{file}")]
    public static Task<IResult> Get(Guid id, int version, string file, IQuerySession session, PdfPrinter printer, IOptions<SiteOptions> site, CancellationToken ct) =>
        ReportFiles.Deliver(session, id, version, file, printer, site, ct, publishedOnly: true);
}
