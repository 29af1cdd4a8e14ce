using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;

namespace Engage.IntegrationTests.Reporting;

/// <summary>Each output is opened and read, as the person receiving it would: headings, recommendation text, pages.</summary>
public class when_staff_download_the_report(EngageHost engage) : ReportTest(engage)
{
    [Fact]
    public async Task the_html_report_has_every_section_and_traces_each_recommendation_to_its_evidence()
    {
        await DraftReport();
        var html = await Html();

        foreach (var heading in new[] { "Executive summary", "Background and method", "Who took part", "What we heard", "Opinion groups", "Recommendations", "Appendices" })
            Assert.Contains($">{heading}</h2>", html);
        var recommendation = analysis.Recommendations[0];
        Assert.Contains(recommendation.Text, html);
        Assert.Contains($"id=\"rec-{recommendation.RecommendationId}\"", html);
        Assert.Contains($"href=\"#theme-{recommendation.ThemeIds[0]}\"", html);
        Assert.Contains($"href=\"#problem-{recommendation.ProblemIds[0]}\"", html);
        Assert.Contains("For national bodies", html);
        Assert.Contains("For employers", html);
        Assert.Contains("For individuals", html);
        Assert.Contains("I need protected time for supervision", html);
        Assert.Contains("alpha was 0.82", html);
        // Charts are drawn on the server; the suppressed group is named but has no figure.
        Assert.Contains("<svg class=\"chart\" role=\"img\"", html);
        Assert.Contains("fewer than 10", html);
        // Breakdowns where the groups differ get a chart; the rest are named in a sentence.
        Assert.Contains(">Profession</h4>", html);
        Assert.Contains("No clear difference by region", html);
        Assert.Contains("100 people took part", html);
    }

    [Fact]
    public async Task the_pdf_the_word_document_and_the_data_tables_show_exactly_the_figures_of_the_web_page()
    {
        await DraftReport();
        var html = await Html();
        string Decode(string s) => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(s, "<[^>]+>", "")), @"\s+", " ").Trim();
        var figures = Regex.Matches(html, "<td class=\"n\">(.*?)</td>").Select(m => Decode(m.Groups[1].Value)).Distinct().ToList();
        var sentences = Regex.Matches(html, "<p class=\"meta\">(.*?)</p>").Select(m => Decode(m.Groups[1].Value)).Distinct().ToList();
        Assert.Contains("fewer than 10", figures);
        Assert.Contains("not shown", figures);
        Assert.True(sentences.Count > 5, "the web page has too few figure sentences");

        // The PDF's text, without the title and page number Chromium repeats at each page's edges.
        var (pdf, _) = await ReadPdf(await (await programme.GetAsync($"/api/reports/{reportId}/report.pdf")).Content.ReadAsByteArrayAsync());
        var body = Regex.Replace(string.Join(" ", pdf.Split('\n').Where(l => !Regex.IsMatch(l.Trim(), @"^Page \d+ of \d+$") && l.Trim() != analysis.Title)), @"\s+", " ");
        Assert.Equal([], sentences.Where(s => !body.Contains(s)));
        Assert.Equal([], figures.Where(f => !body.Contains(f)));

        var word = WordXml(await (await programme.GetAsync($"/api/reports/{reportId}/report.docx")).Content.ReadAsByteArrayAsync(), out _);
        var wordTexts = Regex.Matches(word, "<w:p>.*?</w:p>|<w:p [^>]*>.*?</w:p>").Select(m => WebUtility.HtmlDecode(string.Concat(Regex.Matches(m.Value, "<w:t[^>]*>(.*?)</w:t>").Select(t => t.Groups[1].Value)))).ToHashSet();
        Assert.Equal([], sentences.Where(s => !wordTexts.Contains(s)));
        Assert.Equal([], figures.Where(f => !wordTexts.Contains(f)));

        // Each theme's people and share in the themes data table, as CSV and as the web page's table shows them.
        var themes = (await Text(await programme.GetAsync($"/api/reports/{reportId}/data/themes.csv"))).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
        foreach (var row in themes.Select(r => Regex.Split(r, ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")))
        {
            var (title, people, share) = (row[0].Trim('"'), row[3], row[4]);
            Assert.Matches($"<tr><th scope=\"row\">{Regex.Escape(title)}</th><td class=\"n\">{people}</td><td class=\"n\">{Regex.Escape(share)}%</td>", html);
        }
    }

    [Fact]
    public async Task the_pdf_has_a_contents_list_page_numbers_the_headings_and_the_recommendations()
    {
        await DraftReport();
        var response = await programme.GetAsync($"/api/reports/{reportId}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var (text, pages) = await ReadPdf(await response.Content.ReadAsByteArrayAsync());

        Assert.True(pages >= 6, $"the PDF has only {pages} pages");
        Assert.Contains("Contents", text);
        Assert.Contains("Executive summary", text);
        Assert.Contains("Background and method", text);
        Assert.Contains($"Page 2 of {pages}", text);
        Assert.Contains("Recommendation text 1: agree a national standard for supervision.", Regex.Replace(text, @"\s+", " "));
    }

    [Fact]
    public async Task the_word_document_has_real_headings_tables_and_chart_pictures()
    {
        await DraftReport();
        var response = await programme.GetAsync($"/api/reports/{reportId}/report.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = WordXml(await response.Content.ReadAsByteArrayAsync(), out var entries);

        Assert.Matches("<w:pStyle w:val=\"Heading1\"\\s*/>(</w:pPr>)?<w:r><w:t xml:space=\"preserve\">Executive summary</w:t>", xml);
        Assert.Contains(">Recommendations</w:t>", xml);
        Assert.Contains(analysis.Recommendations[0].Text, xml);
        Assert.Contains("<w:tbl>", xml);
        Assert.Contains(" TOC ", xml);
        Assert.Contains(entries, e => e.Contains("media/") && e.EndsWith(".png"));
        Assert.Contains("word/footer", string.Join(" ", entries));
    }

    [Fact]
    public async Task the_data_tables_come_as_an_excel_workbook_and_as_csv_files()
    {
        await DraftReport();
        var xlsx = await programme.GetAsync($"/api/reports/{reportId}/data.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        foreach (var sheet in global::Engage.Reporting.Content.DataTables.Names) Assert.Contains($"name=\"{sheet}\"", workbook);

        var csv = await Text(await programme.GetAsync($"/api/reports/{reportId}/data/evidence.csv"));
        // A header, then a row for every contribution behind each theme.
        Assert.Equal(1 + analysis.Themes.Sum(t => t.EvidenceContributionIds.Count), csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var themes = await Text(await programme.GetAsync($"/api/reports/{reportId}/data/themes.csv"));
        Assert.Contains("\"Theme 1 about supervision\"", themes);

        var unknown = await programme.GetAsync($"/api/reports/{reportId}/data/secrets.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("evidence.csv", await unknown.Problem());
    }

    [Fact]
    public async Task an_analysis_missing_its_sections_renders_them_as_not_available_in_every_format()
    {
        await DraftReport(SampleAnalysis.Bare());
        var html = await Html();
        Assert.Contains("Not available: the participation figures were not part of the analysis.", html);
        Assert.Contains("Not available: the analysis found no themes.", html);
        Assert.Contains("Not available: the analysts made no recommendations.", html);
        Assert.Contains("Not available: this analysis was not of a workshop", html);

        var word = WordXml(await (await programme.GetAsync($"/api/reports/{reportId}/report.docx")).Content.ReadAsByteArrayAsync(), out _);
        Assert.Contains("Not available: the analysis method was not recorded.", word);
        var (text, _) = await ReadPdf(await (await programme.GetAsync($"/api/reports/{reportId}/report.pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Not available", text);
        Assert.Equal(HttpStatusCode.OK, (await programme.GetAsync($"/api/reports/{reportId}/data.xlsx")).StatusCode);
    }

    [Fact]
    public async Task a_host_whose_chromium_is_missing_answers_the_pdf_with_a_named_problem_and_serves_the_rest()
    {
        await DraftReport();
        await using var host = await EngageHost.Start(Engage.MailFolder, null, ("Reporting__ChromiumPath", "/nowhere/chromium"));
        var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = programme.DefaultRequestHeaders.Authorization;

        var pdf = await client.GetAsync($"/api/reports/{reportId}/report.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("Reporting__ChromiumPath", await pdf.Problem());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/reports/{reportId}/report.docx")).StatusCode);
    }
}
