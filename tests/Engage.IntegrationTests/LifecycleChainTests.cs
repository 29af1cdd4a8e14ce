using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.Analysis.Contracts;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Reporting.Contracts;
using Engage.Seminar.Contracts;
using Engage.Workshop.Contracts;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>
/// The traceable chain, through real messages: seminar problem -> workshop theme -> contribution ->
/// analysis corpus and finding -> report -> back to the workshop. Waits on tracked sessions, never sleeps.
/// </summary>
public class when_an_engagement_runs_from_seminar_to_report(EngageHost engage) : EngageTest(engage)
{
    private record Created(Guid Id);

    [Fact]
    public async Task each_module_hears_the_one_before_it_and_the_problem_statement_stays_attached()
    {
        var api = Engage.Client(await Engage.TokenFor(Roles.Admin));

        var seminar = await (await api.PostAsJsonAsync("/api/seminars", new { title = "Advanced practice", purpose = "Frame it" })).Read<Created>();
        var problem = await (await api.PostAsJsonAsync($"/api/seminars/{seminar.Id}/problems",
            new { text = "No common standard for ACP titles", interestGroup = "Regulators" })).Read<Created>();
        var theme = await (await api.PostAsJsonAsync($"/api/seminars/{seminar.Id}/themes", new
        {
            title = "Regulation", description = "Who recognises advanced practice", problemIds = new[] { problem.Id },
            prompts = new[] { "What would make the title trustworthy?" }, seeds = new[] { "A national register" }
        })).Read<Created>();

        // Seminar -> Workshop
        var concluded = await Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await api.PostAsJsonAsync($"/api/seminars/{seminar.Id}/conclude", new { themeIds = new[] { theme.Id } });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        });
        var message = concluded.Executed.SingleMessage<SeminarConcluded>();
        Assert.Equal(problem.Id, message.Themes.Single().Problems.Single().ProblemId);

        var workshops = await (await api.GetAsync($"/api/workshops?seminarId={seminar.Id}")).Read<JsonElement[]>();
        var workshopId = Assert.Single(workshops).GetProperty("id").GetGuid();
        Assert.Equal("Draft", workshops[0].GetProperty("status").GetString());
        var workshop = await (await api.GetAsync($"/api/workshops/{workshopId}")).Read<JsonElement>();
        var workshopTheme = workshop.GetProperty("themes")[0];
        Assert.Equal(theme.Id, workshopTheme.GetProperty("id").GetGuid());
        Assert.Equal(problem.Id, workshopTheme.GetProperty("problems")[0].GetProperty("problemId").GetGuid());

        // Workshop -> Analysis
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/workshops/{workshopId}/open", null)).StatusCode);
        Guid contributionId = default;
        var posted = await Host.ExecuteAndWaitAsync(async () =>
        {
            contributionId = (await (await api.PostAsJsonAsync($"/api/workshops/{workshopId}/themes/{theme.Id}/contributions",
                new { text = "Regulate the title through the existing regulators." })).Read<Created>()).Id;
        });
        Assert.Equal(contributionId, posted.Executed.MessagesOf<ContributionPublished>().Select(m => m.ContributionId).Distinct().Single());
        var corpus = await (await api.GetAsync($"/api/analysis/workshops/{workshopId}/items")).Read<JsonElement[]>();
        Assert.Equal("Regulate the title through the existing regulators.", Assert.Single(corpus).GetProperty("text").GetString());

        // Analysis -> Reporting: a code, a coding, a recommendation resting on the code, then publish.
        var code = await (await api.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/codebook/codes",
            new { name = "One register", definition = "People want one register" })).Read<Created>();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/items/{contributionId}/codings", new { codeId = code.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/recommendations",
            new { title = "Agree who holds the register", description = "National bodies agree one register.", audience = "national-bodies", themeIds = new[] { code.Id } })).StatusCode);
        var analysed = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/publish", new { title = "What we heard about advanced practice" })).StatusCode));
        // Workshop and Reporting each hear the publication on their own queue: one publication, two deliveries.
        var analysis = analysed.Executed.MessagesOf<AnalysisPublished>().DistinctBy(a => a.CorpusId).Single();
        Assert.Equal("One register", analysis.Themes[0].Title);
        Assert.Equal(contributionId, analysis.Themes[0].EvidenceContributionIds[0]);
        Assert.Equal([theme.Id], analysis.Themes[0].WorkshopThemeIds);
        // The chain: the recommendation answers the seminar's problem statement through the workshop theme its evidence came from.
        Assert.Equal([problem.Id], analysis.Recommendations.Single().ProblemIds);
        Assert.Equal(problem.Id, analysis.Workshop!.Questions.Single().Problems.Single().ProblemId);
        var reports = await (await api.GetAsync($"/api/reports?workshopId={workshopId}")).Read<JsonElement[]>();
        var reportId = Assert.Single(reports).GetProperty("id").GetGuid();
        Assert.Equal("Draft", reports[0].GetProperty("status").GetString());

        // Reporting -> Workshop
        var published = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode));
        Assert.Equal(1, published.Executed.SingleMessage<ReportPublished>().Version);
        workshop = await (await api.GetAsync($"/api/workshops/{workshopId}")).Read<JsonElement>();
        var notice = Assert.Single(workshop.GetProperty("reports").EnumerateArray());
        Assert.Equal(reportId, notice.GetProperty("reportId").GetGuid());
        Assert.Equal("One register", notice.GetProperty("keyThemes")[0].GetString());

        // Publishing the same version again is refused and changes nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task a_redelivered_seminar_concluded_event_does_not_make_a_second_workshop()
    {
        var concluded = new SeminarConcluded(Guid.NewGuid(), "Twice", [new AgreedTheme(Guid.NewGuid(), "T", "", ["Q?"], [], [])], DateTimeOffset.UtcNow);
        await Host.InvokeMessageAndWaitAsync(concluded);
        await Host.InvokeMessageAndWaitAsync(concluded);

        var api = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var workshops = await (await api.GetAsync($"/api/workshops?seminarId={concluded.SeminarId}")).Read<JsonElement[]>();
        Assert.Single(workshops);
    }

    [Fact]
    public async Task bad_input_on_the_chain_is_refused_with_a_named_problem_and_changes_nothing()
    {
        var api = Engage.Client(await Engage.TokenFor(Roles.Facilitator));
        var seminar = await (await api.PostAsJsonAsync("/api/seminars", new { title = "S" })).Read<Created>();

        var noText = await api.PostAsJsonAsync($"/api/seminars/{seminar.Id}/problems", new { interestGroup = "Nursing" });
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.Contains("Enter the problem", (await noText.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var unknownTheme = await api.PostAsJsonAsync($"/api/seminars/{seminar.Id}/conclude", new { themeIds = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTheme.StatusCode);

        var missing = await api.PostAsJsonAsync($"/api/seminars/{Guid.NewGuid()}/problems", new { text = "x", interestGroup = "y" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var state = await (await api.GetAsync($"/api/seminars/{seminar.Id}")).Read<JsonElement>();
        Assert.Equal(0, state.GetProperty("problems").GetArrayLength());
        Assert.Equal("Planned", state.GetProperty("status").GetString());
    }
}
