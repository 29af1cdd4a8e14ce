using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using global::Engage.Reporting.Contracts;
using global::Engage.Reporting.Reports;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.Reporting;

public class when_staff_edit_and_publish_a_report(EngageHost engage) : ReportTest(engage)
{
    [Fact]
    public async Task narrative_is_markdown_with_no_way_for_a_script_into_any_output()
    {
        await DraftReport();
        await Narrate("summary", "We **heard** a lot. <script>alert('x')</script> [click](javascript:alert(1)) <javascript:alert(2)> ![img](http://tracker.example/x.png)");

        var html = await Html();
        Assert.Contains("We <strong>heard</strong> a lot.", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Contains("click", html);
        Assert.DoesNotContain("tracker.example", html);
        Assert.Contains("&lt;script&gt;", html);

        var word = WordXml(await (await programme.GetAsync($"/api/reports/{reportId}/report.docx")).Content.ReadAsByteArrayAsync(), out _);
        Assert.Contains(">heard</w:t>", word);
        Assert.DoesNotContain("<w:hyperlink", word);
    }

    [Fact]
    public async Task each_publication_is_an_immutable_version_and_publishing_the_same_version_twice_is_a_conflict()
    {
        await DraftReport();
        await Narrate("summary", "First words.");
        var first = await programme.PostAsync($"/api/reports/{reportId}/publish", null);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        var again = await programme.PostAsync($"/api/reports/{reportId}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already published", await again.Problem());

        await Narrate("summary", "Second words.");
        var report = await (await programme.GetAsync($"/api/reports/{reportId}")).Read<JsonElement>();
        Assert.Equal("Draft", report.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode);

        var versions = await (await programme.GetAsync($"/api/reports/{reportId}/versions")).Read<JsonElement[]>();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Contains("First words.", await Html(query: "?version=1"));
        Assert.Contains("Second words.", await Html(query: "?version=2"));

        var changes = await (await programme.GetAsync($"/api/reports/{reportId}/compare?from=1&to=2")).Read<JsonElement>();
        var narrative = Assert.Single(changes.GetProperty("narrative").EnumerateArray());
        Assert.Equal("Executive summary", narrative.GetProperty("name").GetString());
        Assert.Equal("First words.", narrative.GetProperty("before").GetString());
    }

    [Fact]
    public async Task a_newer_analysis_redraws_the_draft_when_the_regeneration_job_runs_keeping_the_narrative()
    {
        await DraftReport();
        await Narrate("background", "Why we asked.");
        Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode);

        var newer = SampleAnalysis.Create(themes: 4, title: "What we heard, revised") with { CorpusId = analysis.CorpusId };
        await Host.SendMessageAndWaitAsync(newer);
        await Host.SendMessageAndWaitAsync(newer); // redelivered: still one report
        var waiting = await (await programme.GetAsync("/api/reports")).Read<JsonElement[]>();
        Assert.True(Assert.Single(waiting).GetProperty("newAnalysisWaiting").GetBoolean());

        await Host.InvokeMessageAndWaitAsync(new RegenerateDrafts());

        var report = await (await programme.GetAsync($"/api/reports/{reportId}")).Read<JsonElement>();
        Assert.Equal("What we heard, revised", report.GetProperty("title").GetString());
        Assert.Equal("Draft", report.GetProperty("status").GetString());
        Assert.Equal(newer.AnalysisId, report.GetProperty("analysisId").GetGuid());
        Assert.Contains("Why we asked.", await Html());
        var changes = await (await programme.GetAsync($"/api/reports/{reportId}/compare?from=1")).Read<JsonElement>();
        Assert.Equal("the draft", changes.GetProperty("to").GetString());
        Assert.NotEmpty(changes.GetProperty("themes").EnumerateArray());
    }

    [Fact]
    public async Task bad_edits_are_refused_with_a_named_problem_and_change_nothing()
    {
        await DraftReport();
        var unknown = await programme.PutAsJsonAsync($"/api/reports/{reportId}/narrative/conclusions", new { text = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'conclusions' is not a narrative section", await unknown.Problem());

        var tooLong = await programme.PutAsJsonAsync($"/api/reports/{reportId}/narrative/summary", new { text = new string('a', 20_001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 20,000", await tooLong.Problem());

        Assert.Equal(HttpStatusCode.NotFound, (await programme.PutAsJsonAsync($"/api/reports/{Guid.NewGuid()}/narrative/summary", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await programme.PostAsync($"/api/reports/{Guid.NewGuid()}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await programme.GetAsync($"/api/reports/{reportId}/report.html?version=3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await programme.GetAsync($"/api/reports/{reportId}/compare")).StatusCode);

        var progress = await programme.PostAsJsonAsync($"/api/reports/{reportId}/recommendations/{analysis.Recommendations[0].RecommendationId}/progress", new { progress = "done" });
        Assert.Equal(HttpStatusCode.Conflict, progress.StatusCode);

        var report = await (await programme.GetAsync($"/api/reports/{reportId}")).Read<JsonElement>();
        Assert.Equal(0, report.GetProperty("version").GetInt32());
        Assert.DoesNotContain("x", report.GetProperty("narrative").EnumerateObject().Select(p => p.Value.GetString()));
    }

    [Fact]
    public async Task analysts_read_reports_but_only_programme_staff_edit_and_publish()
    {
        await DraftReport();
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/reports/{reportId}/report.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync($"/api/reports/{reportId}/narrative/summary", new { text = "x" })).StatusCode);
    }
}

public class when_a_participant_or_the_public_asks_for_a_report(EngageHost engage) : ReportTest(engage)
{
    [Fact]
    public async Task a_draft_is_never_shown_to_them_and_a_published_version_is()
    {
        await OpenWorkshop();
        await DraftReport(SampleAnalysis.Create(workshopId));
        var participant = await Join("reader@example.org");
        var anyone = Engage.Client();

        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync($"/api/reports/{reportId}/report.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync($"/api/reports/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync($"/api/reports/{reportId}/report.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/reports/{reportId}/versions/1/report.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/reports/{reportId}/versions/0/report.html")).StatusCode);

        await Host.ExecuteAndWaitAsync(async () => Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode));
        await Narrate("summary", "Unpublished second thoughts.");

        var published = await Text(await anyone.GetAsync($"/api/reports/{reportId}/versions/1/report.html"));
        Assert.Contains(analysis.Recommendations[0].Text, published);
        Assert.DoesNotContain("Unpublished second thoughts.", published);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/api/reports/{reportId}/versions/1/report.docx")).StatusCode);
    }
}
