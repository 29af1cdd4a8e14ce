using System.Net;
using System.Net.Http.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Platform.Accounts;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.Reporting;

/// <summary>Programme staff edit, publish and record progress from the pages, without scripts; analysts only read.</summary>
public class when_staff_work_on_a_report_in_the_pages(EngageHost engage) : ReportTest(engage)
{
    private async Task<Browser> SignIn(string name, params string[] roles)
    {
        var admin = Engage.Client(await Engage.TokenFor(Roles.Admin));
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@engage.test";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/accounts", new CreateStaffAccount(email, name, roles, "a-long-test-password"))).StatusCode);
        var browser = new Browser(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitForm("/account/signin", [new("email", email), new("password", "a-long-test-password")])).StatusCode);
        return browser;
    }

    [Fact]
    public async Task programme_staff_write_the_summary_publish_record_progress_and_compare_versions()
    {
        await OpenWorkshop();
        await DraftReport(SampleAnalysis.Create(workshopId));
        var pat = await SignIn("Pat Programme", Roles.ProgrammeStaff);
        var page = $"/reports/{reportId}";

        var saved = await pat.SubmitForm(page, [new("text", "We heard **three** things.")], $"{page}?handler=Narrative&section=summary");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("We heard <strong>three</strong> things.", await (await pat.Get(page)).Content.ReadAsStringAsync());

        var unknown = await pat.SubmitForm(page, [new("text", "x")], $"{page}?handler=Narrative&section=nowhere");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("is not a narrative section", await unknown.Content.ReadAsStringAsync());

        await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Redirect, (await pat.SubmitForm(page, [], $"{page}?handler=Publish")).StatusCode));
        var twice = await pat.SubmitForm(page, [], $"{page}?handler=Publish");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var recommendation = analysis.Recommendations[0].RecommendationId;
        var noReason = await pat.SubmitForm(page, [new("progress", "declined"), new("note", "")], $"{page}?handler=Progress&recommendationId={recommendation}");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await Host.ExecuteAndWaitAsync(async () => Assert.Equal(HttpStatusCode.Redirect,
            (await pat.SubmitForm(page, [new("progress", "in-progress"), new("note", "Funding agreed")], $"{page}?handler=Progress&recommendationId={recommendation}")).StatusCode));
        Assert.Contains("In progress", await (await Engage.Client().GetAsync($"/take-part/{workshopId}/what-we-heard")).Content.ReadAsStringAsync());

        await pat.SubmitForm(page, [new("text", "We heard four things.")], $"{page}?handler=Narrative&section=summary");
        var compare = await (await pat.Get($"/reports/{reportId}/compare?from=1")).Content.ReadAsStringAsync();
        Assert.Contains("Changes from version 1 to the draft", compare);
        Assert.Contains("We heard four things.", compare);
    }

    [Fact]
    public async Task analysts_read_the_report_page_without_its_forms_and_cannot_post_them()
    {
        await DraftReport();
        var ann = await SignIn("Ann Analyst", Roles.Analyst);
        var html = await (await ann.Get($"/reports/{reportId}")).Content.ReadAsStringAsync();
        Assert.Contains("The draft as it reads", html);
        Assert.DoesNotContain("handler=Publish", html);
        var refused = await ann.SubmitForm($"/reports/{reportId}", [], $"/reports/{reportId}?handler=Publish");
        // Refused the way the site refuses a signed-in person: to the "access denied" page.
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString);
        Assert.Equal(0, (await (await programme.GetAsync("/api/reports")).Read<System.Text.Json.JsonElement[]>())[0].GetProperty("version").GetInt32());
    }
}
