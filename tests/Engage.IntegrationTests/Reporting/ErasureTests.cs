using System.Net;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using Engage.Reporting.Reports;
using Engage.Workshop.Contracts;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.Reporting;

/// <summary>
/// A participant deletes their data after the analysis was frozen and the report published
/// (docs/adr/0018): their removed words leave the draft and every version, and their kept words lose
/// the attribution that described them, in every format.
/// </summary>
public class when_a_quoted_participant_deletes_their_data(EngageHost engage) : ReportTest(engage)
{
    [Fact]
    public async Task their_text_leaves_the_draft_and_the_published_version_and_no_attribute_of_theirs_stays_beside_a_quote()
    {
        var workshop = Guid.NewGuid();
        await DraftReport(SampleAnalysis.Create(workshop));
        var (removed, kept, untouched) = (analysis.Themes[0].Quotes[0], analysis.Themes[1].Quotes[0], analysis.Themes[2].Quotes[0]);
        await Host.ExecuteAndWaitAsync(async () => Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode));
        Assert.Contains(removed.Text, await Html());

        await Host.SendMessageAndWaitAsync(new ParticipantLeft(Guid.NewGuid(), workshop, [removed.ContributionId], DateTimeOffset.UtcNow, [kept.ContributionId]));

        var anyone = Engage.Client();
        foreach (var html in new[] { await Html(), await Text(await anyone.GetAsync($"/api/reports/{reportId}/versions/1/report.html")) })
        {
            Assert.DoesNotContain(removed.Text, html);
            // The kept quote is still heard, with nothing about who said it; the others keep theirs.
            Assert.Matches($"{Regex.Escape(kept.Text)}\u201d</p></blockquote>", html);
            Assert.Matches($"{Regex.Escape(untouched.Text)}\u201d</p><footer>Nurse, North West</footer>", html);
        }
        // One quote came out, one lost its attribution.
        Assert.Contains("2 quotes or statements changed or came out because their authors deleted their data",
            await Text(await anyone.GetAsync($"/api/reports/{reportId}/versions/1/report.html")));

        foreach (var file in new[] { "report.docx", "data/quotes.csv", "data/evidence.csv", "data.xlsx" })
        {
            var bytes = await (await programme.GetAsync($"/api/reports/{reportId}/{file}")).Content.ReadAsByteArrayAsync();
            var text = file.EndsWith(".csv") ? System.Text.Encoding.UTF8.GetString(bytes) : file == "report.docx" ? WordXml(bytes, out _) : Unzipped(bytes);
            Assert.DoesNotContain(removed.Text, text);
            Assert.DoesNotContain(removed.ContributionId.ToString(), text);
        }
        var quotes = System.Text.Encoding.UTF8.GetString(await (await programme.GetAsync($"/api/reports/{reportId}/data/quotes.csv")).Content.ReadAsByteArrayAsync());
        Assert.Matches($"\"{Regex.Escape(kept.Text)}\",(\"\")?,\"{kept.ContributionId}\"", quotes);

        // The draft changed, so it can be published again; the new version is without them too.
        await Host.ExecuteAndWaitAsync(async () => Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode));
        Assert.DoesNotContain(removed.Text, await Text(await anyone.GetAsync($"/api/reports/{reportId}/versions/2/report.html")));
    }

    [Fact]
    public async Task an_analysis_frozen_before_they_left_and_delivered_after_is_cleaned_on_arrival()
    {
        var workshop = Guid.NewGuid();
        await DraftReport(SampleAnalysis.Create(workshop));
        var removed = analysis.Themes[0].Quotes[0];
        await Host.SendMessageAndWaitAsync(new ParticipantLeft(Guid.NewGuid(), workshop, [removed.ContributionId], DateTimeOffset.UtcNow));

        // A later publication of the same corpus, computed before the departure reached Analysis.
        var late = analysis with { AnalysisId = Guid.NewGuid(), Title = "A later analysis" };
        await Host.SendMessageAndWaitAsync(late);
        await Host.InvokeMessageAndWaitAsync(new RegenerateDrafts());

        var html = await Html();
        Assert.Contains("A later analysis", html);
        Assert.DoesNotContain(removed.Text, html);
    }

    private static string Unzipped(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return string.Concat(archive.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
