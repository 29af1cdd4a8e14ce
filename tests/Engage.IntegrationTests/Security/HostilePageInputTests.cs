using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;

namespace Engage.IntegrationTests.Security;

public class when_a_page_is_sent_hostile_input(EngageHost engage) : WorkshopTest(engage)
{
    [Fact]
    public async Task payloads_in_the_address_are_shown_as_text_never_as_markup()
    {
        await OpenWorkshop();
        var analyst = await Caller.As(Engage, Roles.Analyst);
        var corpusId = (await (await analyst.Api.GetAsync($"/api/analysis/workshops/{workshopId}")).Read<JsonElement>()).GetProperty("id").GetGuid();
        var payload = Uri.EscapeDataString(Payloads.Markup);
        var anonymous = new Browser(Host);

        foreach (var (browser, url) in new[]
                 {
                     (anonymous, $"/account/signin?ReturnUrl={payload}"), (anonymous, $"/account/link?ReturnUrl={payload}"),
                     (anonymous, $"/take-part/{workshopId}?theme={themeId}&sort={payload}"), (anonymous, $"/error/404?from={payload}"),
                     (anonymous, $"/account/link/{payload}"), (anonymous, $"/no-such-page/{payload}"),
                     (analyst.Pages, $"/analysis/{corpusId}/code?q={payload}&attribute={payload}&value={payload}")
                 })
        {
            var response = await browser.Get(url);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            Payloads.AreInert(await response.Content.ReadAsStringAsync(), url);
        }
    }

    [Fact]
    public async Task a_control_character_in_a_form_field_or_a_query_is_a_400_problem_and_changes_nothing()
    {
        await OpenWorkshop();
        await Join("pat@example.org");
        var pat = new Browser(Host);
        await pat.SubmitForm($"/account/link/{await Caller.SignInLinkFor(Engage, "pat@example.org")}", []);

        var posted = await pat.SubmitForm($"/take-part/{workshopId}?theme={themeId}", [new("text", "nul \0 inside")],
            $"/take-part/{workshopId}?handler=Post&themeId={themeId}&theme={themeId}");
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("U+0000", await posted.Content.ReadAsStringAsync());
        Assert.Empty(await (await staff.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions")).Read<JsonElement[]>());

        var search = await staff.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/similar?text=%00");
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Contains("'text'", await search.Problem());
    }

    [Fact]
    public async Task every_page_refuses_a_form_posted_without_its_antiforgery_token()
    {
        await OpenWorkshop();
        var callers = new Dictionary<string, Caller>();
        foreach (var role in new[] { Caller.Anonymous, Roles.Admin, Roles.Participant }) callers[role] = await Caller.As(Engage, role);

        var pages = (await RouteTable.Read(Host.Services)).Where(d => d.Page).ToList();
        Assert.True(pages.Count > 30, $"only {pages.Count} pages");
        var accepted = new List<string>();
        foreach (var page in pages)
        {
            // Someone the page admits, so the refusal is the antiforgery check's and not the door's.
            var caller = callers[page.Public ? Caller.Anonymous : page.Roles!.Contains(Roles.Admin) ? Roles.Admin : Roles.Participant];
            var response = await caller.Pages.Http.PostAsync(page.SampleUrl(), new FormUrlEncodedContent([new("text", "no token"), new("email", "pat@example.org")]));
            if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"{page} as {caller}: {(int)response.StatusCode}");
        }
        Assert.True(accepted.Count == 0, "Pages that did not refuse a post without a token:\n" + string.Join("\n", accepted));
    }

    [Fact]
    public async Task the_jobs_dashboard_refuses_a_command_without_its_antiforgery_token()
    {
        var admin = await Caller.As(Engage, Roles.Admin);
        var response = await admin.Pages.Http.PostAsync("/admin/jobs/recurring/trigger",
            new FormUrlEncodedContent([new("jobs[]", "workshop.open-and-close-due")]));
        Assert.False(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task a_path_in_a_file_or_mail_name_reaches_no_file_outside_its_folder()
    {
        var admin = await Caller.As(Engage, Roles.Admin);
        foreach (var url in new[] { "/admin/mail/..%2F..%2F..%2Fetc%2Fpasswd", "/admin/mail/....%2F%2F....%2F%2Fetc%2Fpasswd", "/admin/mail/%2Fetc%2Fpasswd" })
        {
            var response = await admin.Pages.Get(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
        }
        foreach (var url in new[] { "/assets/nhsuk/..%2F..%2F..%2F..%2Fpackage.json", "/assets/nhsuk/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json", "/assets/htmx/..\\..\\..\\package.json" })
        {
            // Unknown addresses ask an anonymous caller to sign in; what matters is that no file outside the folder is served.
            var response = await Engage.Client().GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("\"dependencies\"", await response.Content.ReadAsStringAsync());
        }

        var target = Path.Combine(Path.GetTempPath(), $"engage-traversal-{Guid.NewGuid():N}.csv");
        var upload = new MultipartFormDataContent
        {
            { new StringContent("Traversal"), "name" },
            { new ByteArrayContent("id,text\n1,an idea\n"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "../../../../../.." + target }
        };
        var analyst = await Caller.As(Engage, Roles.Analyst);
        var created = await analyst.Api.PostAsync("/api/analysis/corpora", upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(File.Exists(target), "an upload's file name wrote a file");
    }

    [Fact]
    public async Task a_control_character_inside_an_uploaded_file_is_a_400_problem_naming_the_line()
    {
        var analyst = await Caller.As(Engage, Roles.Analyst);
        var upload = new MultipartFormDataContent
        {
            { new StringContent("Hostile"), "name" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("id,text\n1,fine\n2,nul \0 inside\n")), "file", "hostile.csv" }
        };
        var response = await analyst.Api.PostAsync("/api/analysis/corpora", upload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 3", await response.Problem());
        Assert.Empty(await (await analyst.Api.GetAsync("/api/analysis/corpora")).Read<JsonElement[]>());
    }
}
