using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Engage.Analysis;
using Engage.Analysis.Corpora;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Platform.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Engage.IntegrationTests.AnalysisPages;

/// <summary>
/// Analysts do their work in the workspace pages, without scripts: bring in a corpus, build the
/// codebook, code, mark, star and annotate items, read the findings, double-code a sample, find
/// themes and opinion groups, write recommendations and publish. The pages answer a broken rule with
/// the handler's own words and status, and are closed to everyone but analysts.
/// </summary>
public class when_analysts_work_in_the_workspace_pages(EngageHost engage) : WorkshopTest(engage)
{
    private const string Password = "a-long-test-password";

    /// <summary>
    /// 30 respondents: 12 nurses and 12 paramedics in the North West, 6 pharmacists in London. Even rows
    /// are about supervision, odd rows about pay, so a theme search has two themes to find.
    /// </summary>
    private static byte[] Survey()
    {
        var csv = new StringBuilder("id,text,profession,region\n");
        for (var i = 0; i < 30; i++)
        {
            var (profession, region) = i < 12 ? ("Nurse", "North West") : i < 24 ? ("Paramedic", "North West") : ("Pharmacist", "London");
            var text = i % 2 == 0
                ? $"Respondent {i} on supervision: protected time with a named supervisor every week"
                : $"Respondent {i} on pay: the band and the register fee leave trainees out of pocket";
            csv.Append($"r{i},\"{text}\",{profession},{region}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task an_analyst_codes_a_corpus_reads_the_findings_and_publishes_from_the_pages()
    {
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        var list = await Html(await ann.Get("/analysis"));
        Assert.Contains("Upload a CSV corpus", list);
        EveryPostFormCarriesAToken(list);

        var corpus = await UploadSurvey(ann);
        var overview = await Html(await ann.Get($"/analysis/{corpus}"));
        Assert.Contains("The corpus 'ACP survey' has 30 items to analyse.", Decode(overview));
        Assert.Equal("30", Element(overview, "count-items"));
        Assert.Equal("30", Element(overview, "count-contributors"));
        Assert.Equal(["ACP survey", "CSV upload", "30"], Cells(Row(await Html(await ann.Get("/analysis")), "corpora-table", "table")).Take(3));

        // The codebook.
        var codebookUrl = $"/analysis/{corpus}/codebook";
        var added = await ann.SubmitForm(codebookUrl, Fields(("Form.Name", "Supervision"), ("Form.Definition", "Time with a named supervisor"), ("Form.Colour", "#009639")),
            $"{codebookUrl}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var supervision = Guid.Parse(Regex.Match(added.Headers.Location!.OriginalString, "#code-(.+)$").Groups[1].Value);
        var codebook = await Html(await ann.Get(codebookUrl));
        Assert.StartsWith("Version 1,", Element(codebook, "codebook-version"));
        Assert.Contains("Time with a named supervisor", Row(codebook, $"code-{supervision}"));
        Assert.Contains("added 'Supervision'", Decode(codebook));
        EveryPostFormCarriesAToken(codebook);

        // 50 compact items a page: all 30 on one, and no code chosen in advance for any of them.
        var firstPage = await Html(await ann.Get($"/analysis/{corpus}/code"));
        Assert.Equal("Items 1 to 30 of 30", Element(firstPage, "items-count"));
        Assert.Equal(30, ItemIds(firstPage).Count);
        Assert.DoesNotContain("nhsuk-pagination__link", firstPage);
        var codeBoxes = Regex.Matches(firstPage, "<input[^>]*name=\"code\" list=\"code-choices\"[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(30, codeBoxes.Count);
        Assert.All(codeBoxes, box => Assert.DoesNotContain("value=", box));

        // Code an item by pasting a passage of it, mark it, star it and write a memo.
        var filter = "q=Respondent%200%20on";
        var codeUrl = $"/analysis/{corpus}/code?{filter}";
        var item = Assert.Single(ItemIds(await Html(await ann.Get(codeUrl))));
        var applied = await ann.SubmitForm(codeUrl, Fields(("codeId", supervision.ToString()), ("passage", "a named supervisor")), Action(corpus, "Apply", item, filter));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal($"/analysis/{corpus}/code?{filter}#item-{item}", applied.Headers.Location!.OriginalString);
        var coded = await Html(await ann.Get(codeUrl));
        Assert.Contains($"<a href=\"/analysis/{corpus}/code\" aria-current=\"page\">", coded);
        Assert.Single(Regex.Matches(Regex.Match(coded, "aria-label=\"Corpus sections\">(.*?)</nav>", RegexOptions.Singleline).Value, "aria-current=\"page\""));
        var codings = Decode(Element(coded, $"codings-{item}", "ul")!);
        Assert.Contains("Supervision", codings);
        Assert.Contains("on the passage “a named supervisor”", codings);
        Assert.Contains("by Ann Analyst, codebook version 1", codings);
        Assert.Contains("The code is applied to the passage.", Decode(coded));

        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(codeUrl, Fields(("kind", "problem")), Action(corpus, "Mark", item, filter))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(codeUrl, Fields(("note", "Says it plainly")), Action(corpus, "Star", item, filter))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(codeUrl, Fields(("memo", "Supervision and time go together here.")), Action(corpus, "Memo", item, filter))).StatusCode);
        var annotated = await Html(await ann.Get(codeUrl));
        Assert.Equal("Problem", Element(annotated, $"kind-tag-{item}"));
        Assert.Equal("Starred as a quote", Element(annotated, $"starred-{item}"));
        Assert.Equal("1 memo", Element(annotated, $"memo-count-{item}"));
        // The item opened alone shows its memos.
        var opened = await Html(await ann.Get($"/analysis/{corpus}/code?item={item}"));
        Assert.Equal("1 memo", Element(opened, $"memos-{item}"));
        Assert.Contains("Supervision and time go together here.", opened);
        EveryPostFormCarriesAToken(annotated);

        // Ten more nurses raise supervision: coded whole, from a filter by attribute.
        var nurses = ItemIds(await Html(await ann.Get($"/analysis/{corpus}/code?attribute=profession&value=Nurse"))).Where(i => i != item).Take(10).ToList();
        Assert.Equal(10, nurses.Count);
        foreach (var nurse in nurses)
            Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm($"/analysis/{corpus}/code", Fields(("codeId", supervision.ToString()), ("passage", "")),
                Action(corpus, "Apply", nurse, ""))).StatusCode);
        Assert.Equal("Items 1 to 19 of 19", Element(await Html(await ann.Get($"/analysis/{corpus}/code?uncoded=true")), "items-count"));

        // The findings: the theme's prevalence, and a breakdown that hides the small group.
        var findings = await Html(await ann.Get($"/analysis/{corpus}/findings?by=profession&of=themes"));
        var theme = Cells(Row(findings, $"theme-{supervision}"));
        Assert.Equal(["Supervision", "11", "11", "36.7%", "1", "0"], theme.Take(6));
        var breakdown = Cells(Row(findings, "breakdown-table", "table"));
        Assert.Contains("11 of 12 (91.7%)", breakdown);
        Assert.Contains("0 of 12 (0%)", breakdown);
        Assert.Contains("fewer than 10 people in the group", breakdown);
        Assert.Matches(@"^\d+\.\d{3} \(1\)$", breakdown[^2]);
        Assert.Equal("less than 0.0001", breakdown[^1]);
        var quote = Guid.Parse(Regex.Match(findings, "id=\"quote-([0-9a-f-]{36})\"").Groups[1].Value);
        Assert.Contains("Nurse, North West", Decode(Element(findings, $"quote-{quote}", "figure")!));
        EveryPostFormCarriesAToken(findings);

        // A recommendation resting on the theme, then the analysis published.
        var recommendationsUrl = $"/analysis/{corpus}/recommendations";
        var written = await ann.SubmitForm(recommendationsUrl, Fields(("Form.Title", "Protect supervision time"), ("Form.Description", "Every trainee gets a named supervisor."),
            ("Form.Audience", "employers"), ("Form.Priority", "high"), ("Form.ThemeIds", supervision.ToString()), ("Form.QuoteIds", quote.ToString())), $"{recommendationsUrl}?handler=Write");
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var recommendations = await Html(await ann.Get(recommendationsUrl));
        Assert.Equal("For employers", Element(recommendations, "audience-employers", "h2"));
        Assert.Contains("Protect supervision time", recommendations);
        var recommendation = Guid.Parse(Regex.Match(recommendations, "id=\"rec-([0-9a-f-]{36})\"").Groups[1].Value);
        Assert.Equal("11 people raised it in 11 items", Element(recommendations, $"rec-{recommendation}-evidence"));

        var editing = await Html(await ann.Get($"{recommendationsUrl}?edit={recommendation}"));
        Assert.Contains("id=\"edit-title\" name=\"Form.Title\" value=\"Protect supervision time\"", editing);
        Assert.Contains($"id=\"edit-theme-{supervision}\" name=\"Form.ThemeIds\" type=\"checkbox\" value=\"{supervision}\" checked=\"checked\"", editing);
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(recommendationsUrl, Fields(("Form.Title", "Protect supervision time every week"), ("Form.Audience", "employers"),
            ("Form.Priority", "high"), ("Form.ThemeIds", supervision.ToString())), $"{recommendationsUrl}?handler=Revise&recommendationId={recommendation}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(recommendationsUrl, Fields(("Form.Title", "Ask trainees first"), ("Form.Audience", "individuals"), ("Form.Priority", "low")),
            $"{recommendationsUrl}?handler=Write")).StatusCode);
        var second = Regex.Matches(await Html(await ann.Get(recommendationsUrl)), "id=\"rec-([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).Single(r => r != recommendation);
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(recommendationsUrl, [], $"{recommendationsUrl}?handler=Withdraw&recommendationId={second}")).StatusCode);
        recommendations = await Html(await ann.Get(recommendationsUrl));
        Assert.Equal("Protect supervision time every week", Element(recommendations, $"rec-{recommendation}-title"));
        Assert.DoesNotContain("Ask trainees first", recommendations);
        Assert.Null(Element(recommendations, "audience-individuals", "h2"));
        EveryPostFormCarriesAToken(recommendations);

        await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(recommendationsUrl, Fields(("PublicationTitle", "What we heard about ACP")), $"{recommendationsUrl}?handler=Publish")).StatusCode));
        var published = Cells(Row(await Html(await ann.Get(recommendationsUrl)), "publications-table", "table"));
        Assert.Equal("What we heard about ACP", published[0]);
        Assert.StartsWith("Published", published[2]);
        Assert.Contains("What we heard about ACP (published", Decode(await Html(await ann.Get($"/analysis/{corpus}"))));

        var codingsCsv = await ann.Get($"/analysis/{corpus}?handler=Codings");
        Assert.Equal("text/csv", codingsCsv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(12, (await codingsCsv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var breakdownCsv = await (await ann.Get($"/analysis/{corpus}/findings?handler=BreakdownCsv&by=profession&of=themes")).Content.ReadAsStringAsync();
        Assert.Contains(",\"Nurse\",11,12,91.7,", breakdownCsv);
    }

    [Fact]
    public async Task the_codebook_is_revised_versioned_retired_and_exchanged_with_other_tools_from_the_pages()
    {
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        var corpus = await UploadSurvey(ann);
        var codebookUrl = $"/analysis/{corpus}/codebook";
        var support = await AddCode(ann, corpus, ("Form.Name", "Support"));
        var supervision = await AddCode(ann, corpus, ("Form.Name", "Supervision"), ("Form.ParentId", support.ToString()), ("Form.Definition", "Time with a supervisor"));
        Assert.Contains("padding-left:1.5rem", Regex.Match(await Html(await ann.Get(codebookUrl)), $"<tr class=\"nhsuk-table__row\" id=\"code-{supervision}\">\\s*<th[^>]*>").Value);

        var editing = await Html(await ann.Get($"{codebookUrl}?edit={supervision}"));
        Assert.Contains("id=\"edit-name\" name=\"Form.Name\" value=\"Supervision\"", editing);
        Assert.Contains($"<option value=\"{support}\" selected=\"selected\">Support</option>", editing);
        var revised = await ann.SubmitForm($"{codebookUrl}?edit={supervision}", Fields(("Form.Name", "Supervision"), ("Form.ParentId", support.ToString()),
            ("Form.Definition", "Time with a named supervisor"), ("Form.Exclusion", "Line management")), $"{codebookUrl}?handler=Revise&codeId={supervision}");
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var current = await Html(await ann.Get(codebookUrl));
        Assert.StartsWith("Version 3,", Element(current, "codebook-version"));
        Assert.Contains("Line management", Row(current, $"code-{supervision}"));
        Assert.Contains("revised 'Supervision'", Decode(current));
        var first = await Html(await ann.Get($"{codebookUrl}?version=1"));
        Assert.Contains("You are looking at version 1 as it stood then.", first);
        Assert.Null(Element(first, $"code-{supervision}", "tr"));
        Assert.NotNull(Element(first, $"code-{support}", "tr"));

        var parent = await ann.SubmitForm(codebookUrl, [], $"{codebookUrl}?handler=Retire&codeId={support}");
        Assert.Equal(HttpStatusCode.Conflict, parent.StatusCode);
        Assert.Equal("Retire or move this code's subcodes first.", ErrorSummary(await Html(parent)));
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(codebookUrl, [], $"{codebookUrl}?handler=Retire&codeId={supervision}")).StatusCode);
        Assert.Contains("Retired", Row(await Html(await ann.Get(codebookUrl)), $"code-{supervision}"));

        // The codebook goes to another corpus as a REFI-QDA codebook (active codes only).
        var qdc = await ann.Get($"{codebookUrl}?handler=Qdc");
        Assert.Equal("application/xml", qdc.Content.Headers.ContentType?.MediaType);
        var other = await UploadSurvey(ann, "ACP survey, second round");
        var imported = await PostFile(ann, $"/analysis/{other}/codebook", $"/analysis/{other}/codebook?handler=Import", "file", "codebook.qdc", await qdc.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var otherCodebook = await Html(await ann.Get($"/analysis/{other}/codebook"));
        Assert.StartsWith("Version 1,", Element(otherCodebook, "codebook-version"));
        Assert.Contains("imported 1 code", otherCodebook);
        Assert.DoesNotContain("imported 1 codes", otherCodebook);
        var refused = await PostFile(ann, $"/analysis/{other}/codebook", $"/analysis/{other}/codebook?handler=Import", "file", "codebook.qdc", Encoding.UTF8.GetBytes("not xml"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("nhsuk-error-summary", await Html(refused));

        // The whole project goes out as .qdpx and comes back as a new corpus, with what was left out listed.
        var qdpx = await (await ann.Get($"/analysis/{corpus}?handler=Project")).Content.ReadAsByteArrayAsync();
        var project = await PostFile(ann, "/analysis", "/analysis?handler=Import", "project", "survey.qdpx", WithSets(qdpx), ("ProjectName", "Round trip"));
        Assert.Equal(HttpStatusCode.Redirect, project.StatusCode);
        var roundTrip = Decode(await Html(await ann.Get(project.Headers.Location!.OriginalString)));
        Assert.Contains("<h1>Round trip</h1>", roundTrip);
        Assert.Contains("Imported 30 items, 2 codes, 0 codings and 0 memos.", roundTrip);
        Assert.Contains("The project's sets were left out: Engage has no place for them.", roundTrip);
        Assert.DoesNotContain("Left out of the import", Decode(await Html(await ann.Get(project.Headers.Location!.OriginalString))));
    }

    [Fact]
    public async Task a_refused_form_shows_the_handlers_reason_with_its_status_and_changes_nothing()
    {
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        var badCsv = await PostFile(ann, "/analysis", "/analysis?handler=Upload", "file", "bad.csv", Encoding.UTF8.GetBytes("id,words\nr1,hello\n"), ("Name", "Bad"));
        Assert.Equal(HttpStatusCode.BadRequest, badCsv.StatusCode);
        Assert.Contains("The CSV file,", ErrorSummary(await Html(badCsv)));
        Assert.Contains("There are no corpora yet.", await Html(await ann.Get("/analysis")));

        var corpus = await UploadSurvey(ann);
        var codebookUrl = $"/analysis/{corpus}/codebook";
        var added = await ann.SubmitForm(codebookUrl, Fields(("Form.Name", "Supervision")), $"{codebookUrl}?handler=Add");
        var supervision = Guid.Parse(Regex.Match(added.Headers.Location!.OriginalString, "#code-(.+)$").Groups[1].Value);

        var colour = await ann.SubmitForm(codebookUrl, Fields(("Form.Name", "Pay"), ("Form.Colour", "red")), $"{codebookUrl}?handler=Add");
        Assert.Equal(HttpStatusCode.BadRequest, colour.StatusCode);
        var refused = await Html(colour);
        Assert.Equal("The colour must be a hex colour such as #005EB8.", ErrorSummary(refused));
        Assert.Contains("nhsuk-form-group--error", refused);
        Assert.Contains("<title>Error: Codebook: ACP survey - Engage</title>", refused);
        Assert.Equal("Pay", Regex.Match(refused, "id=\"code-name\" name=\"Form.Name\" value=\"([^\"]*)\"").Groups[1].Value);
        Assert.StartsWith("Version 1,", Element(await Html(await ann.Get(codebookUrl)), "codebook-version"));

        var filter = "q=Respondent%200%20on";
        var codeUrl = $"/analysis/{corpus}/code?{filter}";
        var item = Assert.Single(ItemIds(await Html(await ann.Get(codeUrl))));
        var missing = await ann.SubmitForm(codeUrl, Fields(("codeId", supervision.ToString()), ("passage", "a named mentor")), Action(corpus, "Apply", item, filter));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.StartsWith("The passage \"a named mentor\" is not in the item's text.", ErrorSummary(await Html(missing)));
        var twice = await ann.SubmitForm(codeUrl, Fields(("codeId", supervision.ToString())), Action(corpus, "Apply", item, filter));
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        var again = await ann.SubmitForm(codeUrl, Fields(("codeId", supervision.ToString())), Action(corpus, "Apply", item, filter));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("You have already applied this code here.", ErrorSummary(await Html(again)));
        Assert.Single(Regex.Matches(Element(await Html(await ann.Get(codeUrl)), $"codings-{item}", "ul")!, "<li"));

        var untitled = await ann.SubmitForm($"/analysis/{corpus}/recommendations", Fields(("Form.Title", " "), ("Form.Audience", "employers")),
            $"/analysis/{corpus}/recommendations?handler=Write");
        Assert.Equal(HttpStatusCode.BadRequest, untitled.StatusCode);
        Assert.Equal("A recommendation needs a title of at most 200 characters.", ErrorSummary(await Html(untitled)));
        Assert.Contains("No recommendations yet.", await Html(await ann.Get($"/analysis/{corpus}/recommendations")));

        var alone = await ann.SubmitForm($"/analysis/{corpus}/reliability", Fields(("CoderIds", Guid.NewGuid().ToString()), ("Size", "5")),
            $"/analysis/{corpus}/reliability?handler=Draw");
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.StartsWith("Choose at least two different analysts", ErrorSummary(await Html(alone)));
        Assert.Contains("No samples have been drawn.", await Html(await ann.Get($"/analysis/{corpus}/reliability")));
    }

    [Fact]
    public async Task only_analysts_reach_the_workspace()
    {
        var pages = new[] { "/analysis", $"/analysis/{Guid.NewGuid()}", $"/analysis/{Guid.NewGuid()}/code", $"/analysis/{Guid.NewGuid()}/recommendations" };
        foreach (var url in pages)
        {
            var anonymous = await new Browser(Host).Get(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/signin", anonymous.Headers.Location!.PathAndQuery);
        }

        await OpenWorkshop();
        var participant = new Browser(Host);
        await Host.ExecuteAndWaitAsync(async () => Assert.Equal(HttpStatusCode.Accepted,
            (await Engage.Client().PostAsJsonAsync($"/api/workshops/{workshopId}/participants", new { email = "pat@example.org", consent = true })).StatusCode));
        var link = "/account/link/" + Regex.Match(Mails().Last().TextBody ?? "", @"/account/link/(\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await participant.SubmitForm(link, [])).StatusCode);
        var (facilitator, _) = await SignIn("Fran Facilitator", Roles.Facilitator);
        foreach (var who in new[] { participant, facilitator })
        foreach (var url in pages)
        {
            var denied = await who.Get(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery);
        }
        var post = await facilitator.Http.PostAsync("/analysis?handler=Upload", new MultipartFormDataContent
            { { new StringContent("Slipped in"), "Name" }, { new ByteArrayContent(Survey()), "file", "survey.csv" } });
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        Assert.Contains("There are no corpora yet.", await Html(await ann.Get("/analysis")));
    }

    [Fact]
    public async Task a_filtered_set_is_coded_in_bulk_from_the_page_and_undone()
    {
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        var corpus = await UploadSurvey(ann);
        var codebookUrl = $"/analysis/{corpus}/codebook";
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(codebookUrl, Fields(("Form.Name", "Pay")), $"{codebookUrl}?handler=Add")).StatusCode);
        var codeUrl = $"/analysis/{corpus}/code?q=pay";
        var listed = Element(await Html(await ann.Get(codeUrl)), "items-count");

        var bulk = await ann.SubmitForm(codeUrl, Fields(("bulkCode", "pay")), $"/analysis/{corpus}/code?q=pay&handler=Bulk");
        Assert.True(bulk.StatusCode == HttpStatusCode.Redirect, await bulk.Content.ReadAsStringAsync());
        var coded = await Html(await ann.Get(bulk.Headers.Location!.OriginalString));
        var total = int.Parse(Regex.Match(listed!, "of (\\d+)").Groups[1].Value);
        Assert.Contains($"The code is applied to {total} items.", Decode(coded));
        var undo = Regex.Match(coded, "action=\"([^\"]*handler=UndoBulk[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(undo);
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(codeUrl, [], WebUtility.HtmlDecode(undo))).StatusCode);
        Assert.Equal(Element(await Html(await ann.Get($"/analysis/{corpus}/code?uncoded=true")), "items-count"), "Items 1 to 30 of 30");

        // A code nobody has is refused beside the bulk form, and nothing is coded.
        var refused = await ann.SubmitForm(codeUrl, Fields(("bulkCode", "nothing like it")), $"/analysis/{corpus}/code?q=pay&handler=Bulk");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("No active code's name contains", ErrorSummary(await Html(refused)));
    }

    [Fact]
    public async Task two_analysts_double_code_a_sample_blind_and_see_where_they_disagree()
    {
        var (ann, annId) = await SignIn("Ann Analyst", Roles.Analyst);
        var (bob, bobId) = await SignIn("Bob Analyst", Roles.Analyst);
        var corpus = await UploadSurvey(ann);
        var codebookUrl = $"/analysis/{corpus}/codebook";
        var added = await ann.SubmitForm(codebookUrl, Fields(("Form.Name", "Supervision")), $"{codebookUrl}?handler=Add");
        var supervision = Guid.Parse(Regex.Match(added.Headers.Location!.OriginalString, "#code-(.+)$").Groups[1].Value);

        var reliabilityUrl = $"/analysis/{corpus}/reliability";
        var before = await Html(await ann.Get(reliabilityUrl));
        Assert.Contains("Ann Analyst", before);
        Assert.Contains("Bob Analyst", before);
        EveryPostFormCarriesAToken(before);
        Assert.Contains("The figures are not available yet:", Decode(Element(before, "reliability-unavailable", "div")!));

        var drawn = await ann.SubmitForm(reliabilityUrl, Fields(("CoderIds", annId.ToString()), ("CoderIds", bobId.ToString()), ("Size", "30"), ("Seed", "7")),
            $"{reliabilityUrl}?handler=Draw");
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        var sample = Guid.Parse(Regex.Match(drawn.Headers.Location!.OriginalString, "sample=(.+)$").Groups[1].Value);
        var progress = Decode(Row(await Html(await ann.Get(reliabilityUrl)), $"sample-{sample}"));
        Assert.Contains("Ann Analyst: 0 of 30 coded", progress);
        Assert.Contains("Bob Analyst: 0 of 30 coded", progress);

        // Each finds the sample's items marked on the coding page; Ann codes the first, Bob nothing, and both finish two.
        var annPage = await Html(await ann.Get($"/analysis/{corpus}/code"));
        var inSample = Regex.Matches(annPage, $"handler=Done&amp;itemId=([0-9a-f-]{{36}})&amp;sampleId={sample}").Select(m => Guid.Parse(m.Groups[1].Value)).Take(2).ToList();
        Assert.Equal(ItemIds(annPage).Take(2), inSample);
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm($"/analysis/{corpus}/code", Fields(("codeId", supervision.ToString())), Action(corpus, "Apply", inSample[0], ""))).StatusCode);
        foreach (var (who, item) in new[] { (ann, inSample[0]), (ann, inSample[1]), (bob, inSample[0]), (bob, inSample[1]) })
            Assert.Equal(HttpStatusCode.Redirect, (await who.SubmitForm($"/analysis/{corpus}/code", [], $"/analysis/{corpus}/code?handler=Done&itemId={item}&sampleId={sample}")).StatusCode);
        var bobPage = await Html(await bob.Get($"/analysis/{corpus}/code"));
        Assert.DoesNotContain("Ann Analyst", bobPage);
        Assert.Equal("You have finished this item.", Element(bobPage, $"sample-done-{inSample[0]}"));

        var figures = await Html(await ann.Get($"{reliabilityUrl}?sample={sample}"));
        Assert.Contains("Ann Analyst: 2 of 30 coded", Decode(Row(figures, $"sample-{sample}")));
        Assert.Equal("50.0%", Element(figures, "overall-agreement"));
        var at = figures.IndexOf("id=\"disagreements\"", StringComparison.Ordinal);
        Assert.True(at > 0, "The page lists no disagreements.");
        var disagreements = Decode(figures[at..]);
        Assert.Contains("Ann Analyst applied it; Bob Analyst did not", disagreements);
        Assert.Contains($"/analysis/{corpus}/code?item={inSample[0]}#item-{inSample[0]}", disagreements);
        var disputed = await Html(await ann.Get($"/analysis/{corpus}/code?item={inSample[0]}"));
        Assert.StartsWith("Showing one item.", Element(disputed, "items-count"));
        Assert.Equal([inSample[0]], ItemIds(disputed));
    }

    [Fact]
    public async Task theme_discovery_runs_off_the_request_and_its_page_shows_the_candidate_themes()
    {
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        var corpus = await UploadSurvey(ann);
        var themesUrl = $"/analysis/{corpus}/themes";

        var tooMany = await ann.SubmitForm(themesUrl, Fields(("Themes", "31")), $"{themesUrl}?handler=Start");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("The number of themes must be between 1 and the number of items (30).", ErrorSummary(await Html(tooMany)));
        var notRun = await Html(await ann.Get(themesUrl));
        Assert.Contains("Theme discovery has not been run on this corpus.", notRun);
        EveryPostFormCarriesAToken(notRun);

        HttpResponseMessage started = null!;
        await Host.ExecuteAndWaitAsync(async () => started = await ann.SubmitForm(themesUrl, Fields(("Themes", "2"), ("Seed", "3")), $"{themesUrl}?handler=Start"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var job = await Html(await ann.Get(started.Headers.Location!.OriginalString));
        Assert.Contains("Done: 2 candidate themes", job);
        Assert.DoesNotContain("hx-trigger=\"every 2s\"", job);
        Assert.Equal(2, Regex.Matches(job, "<h2 class=\"nhsuk-card__heading nhsuk-heading-m\" id=\"theme-").Count);
        Assert.Contains("supervisor", job);
        Assert.Contains("Done: 2 candidate themes", await Html(await ann.Get(themesUrl)));
        // htmx, polling the status, is told to reload the page once the run has finished.
        var status = await ann.Get(started.Headers.Location!.OriginalString + "?handler=Status");
        Assert.Equal("true", status.Headers.GetValues("HX-Refresh").Single());

        // A candidate theme becomes a code; its items wait to be reviewed, and count only once accepted.
        var jobUrl = started.Headers.Location!.OriginalString;
        var noSuchTheme = await ann.SubmitForm(jobUrl, Fields(("name", "Ghost")), $"{jobUrl}?handler=Promote&index=5");
        Assert.Equal(HttpStatusCode.NotFound, noSuchTheme.StatusCode);
        Assert.Equal("The run found 2 themes; there is no theme 6.", ErrorSummary(await Html(noSuchTheme)));
        var promoted = await ann.SubmitForm(jobUrl, Fields(("name", "Found theme")), $"{jobUrl}?handler=Promote&index=0");
        Assert.Equal($"/analysis/{corpus}/suggestions?queue=review", promoted.Headers.Location!.OriginalString);
        var review = await Html(await ann.Get(promoted.Headers.Location!.OriginalString));
        var waiting = Regex.Matches(review, "<li class=\"nhsuk-card\" id=\"suggestion-([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(15, waiting.Count);
        Assert.Contains("From a discovered theme", review);
        Assert.Contains("Found theme", review);
        Assert.Contains("Found theme", await Html(await ann.Get($"/analysis/{corpus}/codebook")));
        var accepted = await ann.SubmitForm(promoted.Headers.Location!.OriginalString, [],
            $"/analysis/{corpus}/suggestions?handler=Decide&suggestionId={waiting[0]}&accept=true&queue=review");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(14, Regex.Matches(await Html(await ann.Get(promoted.Headers.Location!.OriginalString)), "id=\"suggestion-").Count);
        var twice = await ann.SubmitForm(promoted.Headers.Location!.OriginalString, [],
            $"/analysis/{corpus}/suggestions?handler=Decide&suggestionId={waiting[0]}&accept=false&queue=review");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("The suggestion was already accepted.", ErrorSummary(await Html(twice)));
        var foundTheme = Regex.Match(review, "<option value=\"([0-9a-f-]{36})\">Found theme</option>").Groups[1].Value;
        Assert.Equal("Items 1 to 1 of 1", Element(await Html(await ann.Get($"/analysis/{corpus}/code?code={foundTheme}")), "items-count"));
    }

    [Fact]
    public async Task suggested_codes_are_made_decided_and_audited_from_the_page()
    {
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        var corpus = await UploadSurvey(ann);
        var supervision = await AddCode(ann, corpus, ("Form.Name", "Supervision"), ("Form.Colour", "#009639"));
        var pay = await AddCode(ann, corpus, ("Form.Name", "Pay"), ("Form.Colour", "#DA291C"));
        var suggestionsUrl = $"/analysis/{corpus}/suggestions";

        var tooSoon = await ann.SubmitForm(suggestionsUrl, [], $"{suggestionsUrl}?handler=Suggest");
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.StatusCode);
        Assert.StartsWith("Code at least a few items by hand first", ErrorSummary(await Html(tooSoon)));

        // Code the first 16 items by hand: even rows are about supervision, odd rows about pay.
        var items = ItemIds(await Html(await ann.Get($"/analysis/{corpus}/code"))).Take(16).ToList();
        for (var n = 0; n < items.Count; n++)
            Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm($"/analysis/{corpus}/code", Fields(("codeId", (n % 2 == 0 ? supervision : pay).ToString())),
                Action(corpus, "Apply", items[n], ""))).StatusCode);

        var made = await ann.SubmitForm(suggestionsUrl, [], $"{suggestionsUrl}?handler=Suggest");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var confident = await Html(await ann.Get(suggestionsUrl));
        Assert.StartsWith("Learnt from 16 coded items:", Decode(confident[confident.IndexOf("Learnt from", StringComparison.Ordinal)..]));
        EveryPostFormCarriesAToken(confident);
        var waiting = Regex.Matches(confident, "<li class=\"nhsuk-card\" id=\"suggestion-([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(waiting);
        Assert.Contains("No suggestion has been decided yet", confident);

        // Accept one and reject another: the audit compares the machine's yes with the analysts'.
        foreach (var (suggestion, accept) in new[] { (waiting[0], true), (waiting[1], false) })
            Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm(suggestionsUrl, [],
                $"{suggestionsUrl}?handler=Decide&suggestionId={suggestion}&accept={accept.ToString().ToLowerInvariant()}&queue=suggested")).StatusCode);
        var audited = Decode(await Html(await ann.Get(suggestionsUrl)));
        Assert.Contains("Over the 2 items where an analyst decided a suggestion", audited);
        Assert.Contains("Agreement per code", audited);
        Assert.DoesNotContain($"suggestion-{waiting[0]}", audited);
        Assert.DoesNotContain($"suggestion-{waiting[1]}", audited);

        var filtered = await Html(await ann.Get($"{suggestionsUrl}?queue=suggested&code={pay}"));
        Assert.DoesNotContain(">Supervision</strong>", filtered);
    }

    [Fact]
    public async Task analysts_set_the_audiences_the_smallest_group_and_attribution_and_cannot_orphan_a_recommendation()
    {
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        var corpus = await UploadSurvey(ann);
        var settingsUrl = $"/analysis/{corpus}/settings";
        var page = await Html(await ann.Get(settingsUrl));
        EveryPostFormCarriesAToken(page);
        Assert.Contains("value=\"National bodies\"", page);

        var saved = await ann.SubmitForm(settingsUrl, Fields(
            ("Audiences[0].Key", "national-bodies"), ("Audiences[0].Label", "Arm's-length bodies"),
            ("Audiences[1].Key", "employers"), ("Audiences[1].Label", "Employers"),
            ("Audiences[2].Key", "individuals"), ("Audiences[2].Label", "Individuals"), ("Audiences[2].Remove", "true"),
            ("Audiences[3].Key", ""), ("Audiences[3].Label", "Royal colleges"),
            ("MinimumGroupSize", "12"), ("Attribution[0]", "profession"), ("Attribution[1]", "region"), ("Attribution[2]", "")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = Decode(await Html(await ann.Get(settingsUrl)));
        Assert.Contains("The settings are saved.", after);
        Assert.Contains("value=\"Arm's-length bodies\"", after);
        Assert.Contains("value=\"Royal colleges\"", after);
        Assert.DoesNotContain("value=\"Individuals\"", after);
        Assert.Contains("value=\"12\"", after);
        Assert.Contains("<option value=\"region\" selected=\"selected\">region</option>", after);
        Assert.Contains("Royal colleges (royal-colleges)", (ErrorSummary(await Html(await ann.SubmitForm($"/analysis/{corpus}/recommendations",
            Fields(("Form.Title", "Fund supervision"), ("Form.Audience", "individuals")), $"/analysis/{corpus}/recommendations?handler=Write")))));

        // A recommendation addressed to employers keeps that audience in the list.
        Assert.Equal(HttpStatusCode.Redirect, (await ann.SubmitForm($"/analysis/{corpus}/recommendations",
            Fields(("Form.Title", "Fund supervision"), ("Form.Audience", "employers"), ("Form.Priority", "high")), $"/analysis/{corpus}/recommendations?handler=Write")).StatusCode);
        var orphaning = await ann.SubmitForm(settingsUrl, Fields(("Audiences[0].Key", "national-bodies"), ("Audiences[0].Label", "Arm's-length bodies"),
            ("Audiences[1].Key", "employers"), ("Audiences[1].Label", "Employers"), ("Audiences[1].Remove", "true")));
        Assert.Equal(HttpStatusCode.Conflict, orphaning.StatusCode);
        Assert.Equal("Recommendations are addressed to Employers: address them to another audience before removing it.", ErrorSummary(await Html(orphaning)));
        var tooSmall = await ann.SubmitForm(settingsUrl, Fields(("Audiences[0].Key", "employers"), ("Audiences[0].Label", "Employers"), ("MinimumGroupSize", "0")));
        Assert.Equal("The smallest group shown must be 1 to 1,000 people.", ErrorSummary(await Html(tooSmall)));
        Assert.Contains("value=\"Royal colleges\"", await Html(await ann.Get(settingsUrl)));
    }

    [Fact]
    public async Task opinion_groups_appear_once_people_have_voted_enough()
    {
        var (ann, _) = await SignIn("Ann Analyst", Roles.Analyst);
        var corpus = await UploadSurvey(ann);
        var groupsUrl = $"/analysis/{corpus}/groups";
        Assert.Contains("There are not enough votes to form opinion groups yet.", Decode(Element(await Html(await ann.Get(groupsUrl)), "groups-unavailable", "div")!));

        // Twenty people vote on ten items: half agree with supervision and not pay, half the other way.
        var items = ItemIds(await Html(await ann.Get($"/analysis/{corpus}/code"))).Take(10).ToList();
        await using (var session = Host.Services.GetRequiredService<IAnalysisStore>().LightweightSession())
        {
            var texts = (await session.LoadManyAsync<CorpusItem>(items)).ToDictionary(i => i.Id, i => i.Text);
            for (var p = 0; p < 20; p++)
            {
                var person = Guid.NewGuid();
                session.Store(new CorpusParticipant { Id = person, WorkshopId = corpus, Pseudonym = $"Participant {p}",
                    Attributes = new() { ["profession"] = p < 10 ? "Nurse" : p < 16 ? "Paramedic" : "Pharmacist" } });
                foreach (var item in items)
                {
                    var likesIt = texts[item].Contains("supervision") == p < 10;
                    session.Store(new CorpusVote { Id = $"{item}:{person}", WorkshopId = corpus, ContributionId = item, ParticipantId = person, Value = likesIt ? "agree" : "disagree", CastAt = DateTimeOffset.UtcNow });
                }
            }
            await session.SaveChangesAsync();
        }

        var groups = Decode(await Html(await ann.Get(groupsUrl)));
        Assert.Contains("Groups are found from 200 votes by 20 people.", groups);
        Assert.Contains("Group A: 10 people", groups);
        Assert.Contains("Group B: 10 people", groups);
        // Who is in each group, by profession: a group under the minimum of 10 is never counted.
        var makeUp = Regex.Matches(groups, "<caption[^>]*>(Group [AB]) by profession</caption>.*?</table>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => Regex.Matches(m.Value, "<th scope=\"row\"[^>]*>(.*?)</th><td[^>]*>(.*?)</td>").Select(r => $"{r.Groups[1].Value}: {r.Groups[2].Value}").ToList());
        var nurses = makeUp.Single(g => g.Value.Contains("Nurse: 10")).Key;
        Assert.Equal(["Paramedic: fewer than 10", "Pharmacist: fewer than 10"], makeUp[nurses == "Group A" ? "Group B" : "Group A"]);
        Assert.Contains("What divides the groups", groups);
        Assert.DoesNotContain("not enough votes", groups);
    }

    // --- the browser's side ---

    /// <summary>A staff account with the roles, signed in with its password in a browser of its own.</summary>
    private async Task<(Browser Browser, Guid Id)> SignIn(string name, params string[] roles)
    {
        var admin = Engage.Client(await Engage.TokenFor(Roles.Admin));
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@engage.test";
        var created = await (await admin.PostAsJsonAsync("/api/admin/accounts", new CreateStaffAccount(email, name, roles, Password))).Read<CreatedAccount>();
        var browser = new Browser(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitForm("/account/signin", [new("email", email), new("password", Password)])).StatusCode);
        return (browser, created.Id);
    }

    private async Task<Guid> UploadSurvey(Browser analyst, string name = "ACP survey")
    {
        var uploaded = await PostFile(analyst, "/analysis", "/analysis?handler=Upload", "file", "survey.csv", Survey(), ("Name", name));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        return Guid.Parse(Regex.Match(uploaded.Headers.Location!.OriginalString, "^/analysis/([0-9a-f-]{36})$").Groups[1].Value);
    }

    /// <summary>A multipart form post with a file, carrying the antiforgery token of the page the form is on.</summary>
    private static async Task<HttpResponseMessage> PostFile(Browser browser, string pageUrl, string postUrl, string field, string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var page = await Html(await browser.Get(pageUrl));
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, field, fileName);
        return await browser.Http.PostAsync(postUrl, form);
    }

    private static async Task<Guid> AddCode(Browser analyst, Guid corpus, params (string Name, string Value)[] fields)
    {
        var added = await analyst.SubmitForm($"/analysis/{corpus}/codebook", Fields(fields), $"/analysis/{corpus}/codebook?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return Guid.Parse(Regex.Match(added.Headers.Location!.OriginalString, "#code-(.+)$").Groups[1].Value);
    }

    /// <summary>The project with an (empty) set of codes added, which Engage has no place for.</summary>
    private static byte[] WithSets(byte[] qdpx)
    {
        var buffer = new MemoryStream();
        buffer.Write(qdpx);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("project.qde")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            Assert.Contains("</Project>", xml);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("project.qde").Open());
            writer.Write(xml.Replace("</Project>", "<Sets /></Project>"));
        }
        return buffer.ToArray();
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) => fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));

    /// <summary>Where an item's form on the coding page posts, as the page writes it.</summary>
    private static string Action(Guid corpus, string handler, Guid item, string filter) =>
        $"/analysis/{corpus}/code?handler={handler}&itemId={item}{(filter.Length > 0 ? "&" + filter : "")}";

    // --- reading the HTML ---

    private static Task<string> Html(HttpResponseMessage response) => response.Content.ReadAsStringAsync();

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static List<Guid> ItemIds(string html) =>
        Regex.Matches(html, "<section class=\"coding-item\" id=\"item-([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    /// <summary>The inner HTML of the element with this id, up to its closing tag (which must not nest inside itself).</summary>
    private static string? Element(string html, string id, string? tag = null)
    {
        var match = Regex.Match(html, $"<(?<tag>{tag ?? "[a-z0-9]+"})\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline);
        return match.Success ? match.Groups["inner"].Value.Trim() : null;
    }

    /// <summary>A table row (or a whole table) by id, for its cells.</summary>
    private static string Row(string html, string id, string tag = "tr") =>
        Element(html, id, tag) ?? throw new Xunit.Sdk.XunitException($"No <{tag}> with id {id} on the page.");

    /// <summary>The text of each header and data cell, tags stripped, in order (for a table, its last body row last).</summary>
    private static List<string> Cells(string html)
    {
        var lastRow = html.Contains("<tbody") ? html.LastIndexOf("<tr", StringComparison.Ordinal) : 0;
        return Regex.Matches(html[lastRow..], "<t[hd]\\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(Decode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")), @"\s+", " ").Trim()).ToList();
    }

    /// <summary>A browser sends the token inside the form it posts, so every form that posts must carry one.</summary>
    private static void EveryPostFormCarriesAToken(string html)
    {
        var forms = Regex.Matches(html, "<form\\b[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline);
        Assert.True(forms.Count > 1, "The page has no forms of its own.");
        Assert.All(forms, form => Assert.Contains("name=\"__RequestVerificationToken\"", form.Value));
    }

    /// <summary>The problems the NHS error summary lists, joined.</summary>
    private static string ErrorSummary(string html)
    {
        var summary = Regex.Match(html, "<div class=\"nhsuk-error-summary\".*?<ul class=\"nhsuk-list nhsuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(summary.Success, "The page shows no error summary.");
        return string.Join(" ", Regex.Matches(summary.Groups[1].Value, "<li>(.*?)</li>", RegexOptions.Singleline)
            .Select(m => Decode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()));
    }
}
