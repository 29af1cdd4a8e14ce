using System.Diagnostics;
using Engage.Reporting.Content;
using Engage.Reporting.Outputs;
using Microsoft.Extensions.Options;
using ReportBench;

// Times each report output for an analysis of N contributions (default 100,000): one warm-up, then
// --runs timed runs; prints min and median. --out DIR keeps the files to look at.
//   dotnet run -c Release --project bench/ReportBench -- [--contributions 100000] [--runs 3] [--out DIR]
var contributions = Arg("--contributions", 100_000);
var runs = Arg("--runs", 3);
var outDir = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var chromium = Environment.GetEnvironmentVariable("Reporting__ChromiumPath") ?? "/usr/bin/chromium";

var analysis = LargeAnalysis.Create(contributions);
var edition = new ReportEdition(Guid.NewGuid(), analysis.Title, null, null, analysis,
    new Dictionary<string, string>(NarrativeSections.Starting(analysis)) { [NarrativeSections.Background] = "Why we asked, and **who** we asked." }, []);
Console.WriteLine($"Analysis: {contributions:N0} contributions, {analysis.Themes.Count} themes, {analysis.Codebook.Count} codes, " +
                  $"{analysis.Recommendations.Count} recommendations, {analysis.Themes.Sum(t => t.EvidenceContributionIds.Count):N0} evidence rows; {Environment.ProcessorCount} cores");

await using var printer = new PdfPrinter(Options.Create(new ReportingOptions { ChromiumPath = chromium }));
var outputs = new (string Name, string File, double TargetSeconds, Func<Task<byte[]>> Render)[]
{
    ("HTML", "report.html", 2, () => Task.FromResult(System.Text.Encoding.UTF8.GetBytes(HtmlReport.Document(edition)))),
    ("Word", "report.docx", 5, () => { var s = new MemoryStream(); WordReport.Write(edition, s); return Task.FromResult(s.ToArray()); }),
    ("Excel", "data.xlsx", 5, () => { var s = new MemoryStream(); ExcelTables.Write(DataTables.All(edition.Facts()), s); return Task.FromResult(s.ToArray()); }),
    ("PDF", "report.pdf", 15, () => printer.PrintAsync(HtmlReport.Document(edition), edition.Title)),
};

if (args.Contains("--split"))
{
    var html = HtmlReport.Document(edition);
    var browser = await printer.Browser();
    for (var i = 0; i < 3; i++)
    {
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var w = Stopwatch.StartNew();
        await page.SetContentAsync(html);
        var load = w.Elapsed.TotalSeconds;
        await page.PdfAsync(new() { Format = "A4", PrintBackground = true, Tagged = args.Contains("--tagged") });
        Console.WriteLine($"load {load:0.00} s, pdf {w.Elapsed.TotalSeconds - load:0.00} s");
        await context.CloseAsync();
    }
    return;
}
Console.WriteLine($"{"output",-6} {"size",12} {"min s",8} {"median s",9} {"target s",9}");
foreach (var (name, file, target, render) in outputs)
{
    var bytes = await render(); // warm-up (and, for the PDF, starting Chromium)
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        bytes = await render();
        times.Add(watch.Elapsed.TotalSeconds);
    }
    times.Sort();
    Console.WriteLine($"{name,-6} {bytes.Length,12:N0} {times[0],8:0.00} {times[times.Count / 2],9:0.00} {target,9:0}  {(times[times.Count / 2] < target ? "met" : "NOT MET")}");
    if (outDir is not null) { Directory.CreateDirectory(outDir); await File.WriteAllBytesAsync(Path.Combine(outDir, file), bytes); }
}

int Arg(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v && int.TryParse(v, out var n) ? n : fallback;
