using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using global::Engage.Analysis.Contracts;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.Reporting;

/// <summary>A draft report made the way it is in production: by the Analysis module's message, then read through the API.</summary>
public abstract class ReportTest(EngageHost engage) : WorkshopTest(engage)
{
    protected HttpClient programme = null!;
    protected Guid reportId;
    protected AnalysisPublished analysis = null!;

    protected async Task DraftReport(AnalysisPublished? published = null)
    {
        analysis = published ?? SampleAnalysis.Create();
        // Sent, not invoked: the Workshop reads a publication too (to reopen a workshop closed early).
        await Host.SendMessageAndWaitAsync(analysis);
        programme = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var reports = await (await programme.GetAsync("/api/reports")).Read<JsonElement[]>();
        reportId = reports.Single(r => r.GetProperty("corpusId").GetGuid() == analysis.CorpusId).GetProperty("id").GetGuid();
    }

    protected async Task<string> Html(HttpClient? who = null, string? query = null) =>
        await Text(await (who ?? programme).GetAsync($"/api/reports/{reportId}/report.html{query}"));

    protected static async Task<string> Text(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The text of word/document.xml, where Word keeps the body.</summary>
    protected static string WordXml(byte[] docx, out IReadOnlyList<string> entries)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        entries = zip.Entries.Select(e => e.FullName).ToList();
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The PDF's text and page count, read by poppler's pdftotext and pdfinfo as a person's viewer would.</summary>
    protected static async Task<(string Text, int Pages)> ReadPdf(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var text = await Run("pdftotext", $"-layout {file} -");
            var info = await Run("pdfinfo", file);
            var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:"))["Pages:".Length..].Trim());
            return (text, pages);
        }
        finally { File.Delete(file); }
    }

    private static async Task<string> Run(string tool, string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }

    protected async Task Narrate(string section, string text) =>
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await programme.PutAsJsonAsync($"/api/reports/{reportId}/narrative/{section}", new { text })).StatusCode);
}
