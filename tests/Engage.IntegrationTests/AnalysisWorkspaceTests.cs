using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Engage.Analysis.Contracts;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>
/// Analysts define a codebook, code a corpus (two of them independently on a sample), measure how
/// reliably, break findings down by who said them, star quotes, write recommendations with evidence and publish.
/// </summary>
public class when_analysts_code_a_corpus(EngageHost engage) : EngageTest(engage)
{
    private record Created(Guid Id);

    /// <summary>30 respondents: 12 nurses and 12 paramedics in the North West, 6 pharmacists in London.</summary>
    private async Task<(Guid Corpus, Dictionary<string, Guid> Items)> Upload(HttpClient analyst)
    {
        var csv = new StringBuilder("id,text,profession,region\n");
        for (var i = 0; i < 30; i++)
        {
            var (profession, region) = i < 12 ? ("Nurse", "North West") : i < 24 ? ("Paramedic", "North West") : ("Pharmacist", "London");
            csv.Append($"r{i},\"Respondent {i} on supervision, pay and the register\",{profession},{region}\n");
        }
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "survey.csv" },
            { new StringContent("ACP survey"), "name" }
        };
        var id = (await (await analyst.PostAsync("/api/analysis/corpora", form)).Read<Created>()).Id;
        var items = new Dictionary<string, Guid>();
        for (var page = 1; page <= 2; page++)
            foreach (var item in (await (await analyst.GetAsync($"/api/analysis/corpora/{id}/items?page={page}")).Read<JsonElement>()).GetProperty("items").EnumerateArray())
                items[item.GetProperty("sourceId").GetString()!] = item.GetProperty("id").GetGuid();
        Assert.Equal(30, items.Count);
        return (id, items);
    }

    private static async Task<Guid> Code(HttpClient analyst, Guid corpus, string name, Guid? parentId = null) =>
        (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes", new { name, parentId, definition = $"Mentions {name}" })).Read<Created>()).Id;

    private static Task<HttpResponseMessage> Apply(HttpClient analyst, Guid corpus, Guid item, Guid code, int? start = null, int? end = null) =>
        analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{item}/codings", new { codeId = code, start, end });

    [Fact]
    public async Task every_codebook_change_makes_a_version_that_codings_record_and_that_can_be_read_back()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var (corpus, items) = await Upload(analyst);

        var support = await Code(analyst, corpus, "Support");
        var supervision = await Code(analyst, corpus, "Supervision", support);
        var revised = await analyst.PutAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes/{supervision}",
            new { name = "Supervision", parentId = support, definition = "Time with a named supervisor", inclusion = "Clinical supervision", exclusion = "Line management", colour = "#009639" });
        Assert.Equal(3, (await revised.Read<JsonElement>()).GetProperty("version").GetInt32());

        var coding = await (await Apply(analyst, corpus, items["r0"], supervision, 16, 27)).Read<JsonElement>();
        Assert.Equal(3, coding.GetProperty("codebookVersion").GetInt32());
        var item = (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/items?codeId={support}")).Read<JsonElement>()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("supervision", item.GetProperty("codings")[0].GetProperty("passage").GetString());

        var now = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/codebook")).Read<JsonElement>();
        Assert.Equal(3, now.GetProperty("version").GetInt32());
        Assert.Equal(["Support", "Supervision"], now.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(1, now.GetProperty("codes")[1].GetProperty("depth").GetInt32());
        var first = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/codebook?version=1")).Read<JsonElement>();
        Assert.Equal(["Support"], first.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var history = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/codebook/history")).Read<JsonElement[]>();
        Assert.Equal(["added", "added", "revised"], history.Select(h => h.GetProperty("change").GetString()));

        // Bad changes are refused, naming the problem, and make no version.
        var duplicate = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes", new { name = "supervision", parentId = support });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var colour = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes", new { name = "Pay", colour = "red" });
        Assert.Contains("hex colour", await colour.Problem());
        var loop = await analyst.PutAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes/{support}", new { name = "Support", parentId = supervision });
        Assert.Contains("under itself", await loop.Problem());
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.DeleteAsync($"/api/analysis/corpora/{corpus}/codebook/codes/{support}")).StatusCode);
        var outside = await Apply(analyst, corpus, items["r1"], supervision, 10, 500);
        Assert.Contains("within the item's text", await outside.Problem());
        Assert.Equal(HttpStatusCode.Conflict, (await Apply(analyst, corpus, items["r0"], supervision, 16, 27)).StatusCode);
        Assert.Equal(3, (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/codebook")).Read<JsonElement>()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task two_analysts_code_a_sample_blind_to_each_other_and_their_agreement_is_measured_with_the_disagreements_listed()
    {
        var (first, second) = (Engage.Client(await Engage.TokenFor(Roles.Analyst)), Engage.Client(await Engage.TokenFor(Roles.Analyst)));
        var firstId = (await (await first.GetAsync("/api/staff/me")).Read<JsonElement>()).GetProperty("id").GetGuid();
        var secondId = (await (await second.GetAsync("/api/staff/me")).Read<JsonElement>()).GetProperty("id").GetGuid();
        var (corpus, _) = await Upload(first);
        var pay = await Code(first, corpus, "Pay");

        var sample = await (await first.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/samples", new { fraction = 0.2, coderIds = new[] { firstId, secondId }, seed = 3 })).Read<JsonElement>();
        Assert.Equal(6, sample.GetProperty("items").GetInt32());
        var sampleId = sample.GetProperty("id").GetGuid();
        var units = (await (await first.GetAsync($"/api/analysis/corpora/{corpus}/samples/{sampleId}")).Read<JsonElement>())
            .GetProperty("itemIds").EnumerateArray().Select(i => i.GetGuid()).ToList();

        // Both apply "Pay" to the first four units; the second also to the fifth; nobody to the sixth.
        foreach (var unit in units.Take(4)) Assert.Equal(HttpStatusCode.Created, (await Apply(first, corpus, unit, pay)).StatusCode);
        foreach (var unit in units.Take(5)) Assert.Equal(HttpStatusCode.Created, (await Apply(second, corpus, unit, pay)).StatusCode);
        foreach (var (client, unit) in new[] { (first, units[4]), (first, units[5]), (second, units[5]) })
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/analysis/corpora/{corpus}/samples/{sampleId}/items/{unit}/done", null)).StatusCode);

        // Blind: in the sample, each sees only their own codings.
        var seen = (await (await first.GetAsync($"/api/analysis/corpora/{corpus}/items?codeId={pay}")).Read<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.All(seen, i => Assert.All(i.GetProperty("codings").EnumerateArray(), c => Assert.Equal(firstId, c.GetProperty("coderId").GetGuid())));

        var reliability = await (await first.GetAsync($"/api/analysis/corpora/{corpus}/reliability?sampleId={sampleId}")).Read<JsonElement>();
        Assert.Equal(6, reliability.GetProperty("units").GetInt32());
        // 5 of 6 units agree. Cohen's kappa: po = 5/6, pe = (4/6)(5/6) + (2/6)(1/6) = 22/36, kappa = (30-22)/(36-22) = 0.571.
        Assert.Equal(0.833, reliability.GetProperty("percentAgreement").GetDouble(), 3);
        Assert.Equal(0.571, reliability.GetProperty("cohenKappa").GetDouble(), 3);
        var disagreement = reliability.GetProperty("codes")[0].GetProperty("disagreements").EnumerateArray().Single();
        Assert.Equal(units[4], disagreement.GetProperty("itemId").GetGuid());

        // Analysts remove only their own codings.
        var theirs = (await (await second.GetAsync($"/api/analysis/corpora/{corpus}/items?codeId={pay}")).Read<JsonElement>()).GetProperty("items")[0];
        var codingId = theirs.GetProperty("codings")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await first.DeleteAsync($"/api/analysis/corpora/{corpus}/items/{theirs.GetProperty("id").GetGuid()}/codings/{codingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"/api/analysis/corpora/{corpus}/items/{theirs.GetProperty("id").GetGuid()}/codings/{codingId}")).StatusCode);

        var one = await first.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/samples", new { fraction = 0.1, coderIds = new[] { firstId } });
        Assert.Contains("at least two", await one.Problem());

        // A coder who finished every item without applying a code has no coding to take a name from: their account names them.
        var third = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var thirdId = (await (await third.GetAsync("/api/staff/me")).Read<JsonElement>()).GetProperty("id").GetGuid();
        var quiet = (await (await first.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/samples", new { size = 2, coderIds = new[] { firstId, thirdId }, seed = 5 }))
            .Read<JsonElement>()).GetProperty("id").GetGuid();
        var quietUnits = (await (await first.GetAsync($"/api/analysis/corpora/{corpus}/samples/{quiet}")).Read<JsonElement>())
            .GetProperty("itemIds").EnumerateArray().Select(i => i.GetGuid()).ToList();
        foreach (var unit in quietUnits) Assert.True((await Apply(first, corpus, unit, pay)).StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        foreach (var unit in quietUnits)
            Assert.Equal(HttpStatusCode.NoContent, (await third.PostAsync($"/api/analysis/corpora/{corpus}/samples/{quiet}/items/{unit}/done", null)).StatusCode);
        var quietFigures = await (await first.GetAsync($"/api/analysis/corpora/{corpus}/reliability?sampleId={quiet}")).Read<JsonElement>();
        Assert.Equal("Test Analyst", quietFigures.GetProperty("coders").EnumerateArray().Single(c => c.GetProperty("coderId").GetGuid() == thirdId).GetProperty("coder").GetString());
    }

    [Fact]
    public async Task findings_break_down_by_profession_with_small_groups_suppressed_and_publish_with_evidence_and_safe_attribution()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var (corpus, items) = await Upload(analyst);
        var supervision = await Code(analyst, corpus, "Supervision");
        // All 12 nurses, 2 paramedics and 1 pharmacist raise supervision; nurses describe it as a problem.
        foreach (var r in Enumerable.Range(0, 12).Concat([12, 13, 24]))
            Assert.Equal(HttpStatusCode.Created, (await Apply(analyst, corpus, items[$"r{r}"], supervision)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PutAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items["r0"]}/mark", new { kind = "problem" })).StatusCode);
        Assert.Contains("An item is marked as one of", await (await analyst.PutAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items["r0"]}/mark", new { kind = "idea" })).Problem());

        var breakdown = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/breakdowns?by=profession")).Read<JsonElement>();
        Assert.Equal(10, breakdown.GetProperty("minimumGroupSize").GetInt32());
        var row = breakdown.GetProperty("rows").EnumerateArray().Single();
        var cells = row.GetProperty("breakdown").GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("value").GetString()!);
        // 6 pharmacists are too few to show. The 30 contributors minus the other two groups would give them back,
        // so one of the two groups of 12 is hidden too ("not shown"), and no size or count of a hidden group is given.
        Assert.Equal("fewer than 10", cells["Pharmacist"].GetProperty("groupSizeShown").GetString());
        var hidden = cells.Values.Where(c => c.GetProperty("groupSize").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(2, hidden.Count);
        Assert.Single(hidden, c => c.GetProperty("groupSizeShown").GetString() == "not shown");
        Assert.All(hidden, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("count").ValueKind));
        Assert.Equal(JsonValueKind.Null, cells["Paramedic"].GetProperty("count").ValueKind); // 2 people: too few to show
        // Chi-square is computed only over groups whose every cell is shown; here fewer than two are, so there is no test.
        Assert.Equal(JsonValueKind.Null, row.GetProperty("breakdown").GetProperty("chiSquare").ValueKind);
        Assert.Contains("'by' must be one of", await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/breakdowns?by=shoe-size")).Problem());
        var csv = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/breakdowns.csv?by=profession")).Content.ReadAsStringAsync();
        Assert.Contains("\"Supervision\",\"Pharmacist\",\"fewer than 10\",\"fewer than 10\"", csv);
        Assert.Contains("not shown", csv);

        var nurseQuote = (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/quotes", new { itemId = items["r3"] })).Read<Created>()).Id;
        var pharmacistQuote = (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/quotes", new { itemId = items["r24"] })).Read<Created>()).Id;
        var quotes = (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/quotes")).Read<JsonElement[]>()).ToDictionary(q => q.GetProperty("id").GetGuid());
        Assert.Equal("Nurse, North West", quotes[nurseQuote].GetProperty("attribution").GetString());
        Assert.Equal("A participant", quotes[pharmacistQuote].GetProperty("attribution").GetString());

        var badAudience = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/recommendations", new { title = "Protect time", audience = "everyone" });
        Assert.Equal(HttpStatusCode.BadRequest, badAudience.StatusCode);
        Assert.Contains("National bodies (national-bodies), Employers (employers), Individuals (individuals)", await badAudience.Problem());
        var unknownTheme = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/recommendations", new { title = "Protect time", audience = "employers", themeIds = new[] { Guid.NewGuid() } });
        Assert.Contains("themeIds: ", await unknownTheme.Problem());
        var recommendation = (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/recommendations", new
        {
            title = "Protect supervision time", description = "Job plans include weekly supervision.", audience = "employers", priority = "high",
            themeIds = new[] { supervision }, quoteIds = new[] { nurseQuote }
        })).Read<Created>()).Id;
        var listed = (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/recommendations")).Read<JsonElement[]>()).Single();
        Assert.Equal(15, listed.GetProperty("evidence").GetProperty("people").GetInt32());

        var tracked = await Host.ExecuteAndWaitAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/publish", new { title = "Supervision findings" })).StatusCode));
        var published = tracked.Executed.MessagesOf<AnalysisPublished>().DistinctBy(a => a.AnalysisId).Single();
        var theme = published.Themes.Single();
        Assert.Equal(("Supervision", 15, 50.0, 1), (theme.Title, theme.People, theme.Prevalence, theme.Issues));
        Assert.Null(theme.Breakdowns.Single(b => b.Attribute == "profession").ChiSquare);
        Assert.Equal("Nurse, North West", theme.Quotes.Single(q => q.QuoteId == nurseQuote).Attribution);
        var action = published.Recommendations.Single();
        Assert.Equal((recommendation, "employers", "high", 15), (action.RecommendationId, action.Audience, action.Priority, action.Evidence.People));
        Assert.Equal([supervision], action.ThemeIds);
        Assert.Null(published.Method.Reliability); // one coder: nothing to compare
        Assert.Equal(1, published.Method.CodebookVersion);
        Assert.Equal("Supervision", published.Codebook.Single().Name);
        Assert.Equal(30, published.Participation.Contributions);

        var publication = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/publications/{published.AnalysisId}")).Read<JsonElement>();
        Assert.Equal("published", publication.GetProperty("status").GetString());
    }

    [Fact]
    public async Task findings_are_kept_between_reads_and_follow_every_change_to_the_corpus()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var (corpus, items) = await Upload(analyst);
        var supervision = await Code(analyst, corpus, "Supervision");
        async Task<int> ItemsUnderSupervision() =>
            (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/findings")).Read<JsonElement[]>())
            .Single(t => t.GetProperty("themeId").GetGuid() == supervision).GetProperty("items").GetInt32();

        Assert.Equal(0, await ItemsUnderSupervision());
        Assert.Equal(0, await ItemsUnderSupervision()); // the second read is the kept copy, still right
        var coding = (await (await Apply(analyst, corpus, items["r0"], supervision)).Read<Created>()).Id;
        Assert.Equal(HttpStatusCode.Created, (await Apply(analyst, corpus, items["r1"], supervision)).StatusCode);
        Assert.Equal(2, await ItemsUnderSupervision());
        // A coding taken back (an event, then a delete in the projection) is a change too.
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/analysis/corpora/{corpus}/items/{items["r0"]}/codings/{coding}")).StatusCode);
        Assert.Equal(1, await ItemsUnderSupervision());

        // Another corpus's change leaves this one's version alone; its own findings are its own.
        var (other, otherItems) = await Upload(analyst);
        var pay = await Code(analyst, other, "Pay");
        Assert.Equal(HttpStatusCode.Created, (await Apply(analyst, other, otherItems["r5"], pay)).StatusCode);
        Assert.Equal(1, await ItemsUnderSupervision());
        var otherFindings = await (await analyst.GetAsync($"/api/analysis/corpora/{other}/findings")).Read<JsonElement[]>();
        Assert.Equal(1, otherFindings.Single(t => t.GetProperty("themeId").GetGuid() == pay).GetProperty("items").GetInt32());
    }

    [Fact]
    public async Task codings_export_as_csv_with_their_coder_and_version()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var (corpus, items) = await Upload(analyst);
        var code = await Code(analyst, corpus, "=Pay");
        Assert.Equal(HttpStatusCode.Created, (await Apply(analyst, corpus, items["r5"], code, 0, 10)).StatusCode);

        var csv = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/codings.csv")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"r5\"", lines[1]);
        Assert.Contains("\"'=Pay\"", lines[1]); // a spreadsheet would run it as a formula otherwise
        Assert.Contains(",1,0,10,\"Respondent\",analyst,", lines[1]);
    }
}

/// <summary>Analyses move to and from NVivo, ATLAS.ti, MAXQDA and QualCoder as REFI-QDA files; hostile files are refused whole.</summary>
public class when_analysts_exchange_work_with_other_tools(EngageHost engage) : EngageTest(engage)
{
    private record Created(Guid Id);

    private static MultipartFormDataContent File(byte[] bytes, string fileName, string? name = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        if (name is not null) form.Add(new StringContent(name), "name");
        return form;
    }

    [Fact]
    public async Task a_project_exported_as_qdpx_imports_back_with_its_codebook_codings_coders_and_memos()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var csv = "id,text,region\na,\"Protected time for supervision 🙂 matters\",London\nb,Pay banding is unclear,Midlands\n";
        var corpus = (await (await analyst.PostAsync("/api/analysis/corpora", File(Encoding.UTF8.GetBytes(csv), "c.csv", "Survey"))).Read<Created>()).Id;
        var items = (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/items")).Read<JsonElement>()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("sourceId").GetString()!, i => i.GetProperty("id").GetGuid());
        var support = (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes", new { name = "Support", definition = "Help at work", inclusion = "Supervision", colour = "#005EB8" })).Read<Created>()).Id;
        var pay = (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes", new { name = "Pay", parentId = support })).Read<Created>()).Id;
        // A span after an emoji: UTF-16 indices here, code points in the file.
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items["a"]}/codings", new { codeId = support, start = 34, end = 41 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items["b"]}/codings", new { codeId = pay })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/memos", new { itemId = items["b"], text = "Banding differs by trust" })).StatusCode);

        var qdpx = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/export.qdpx")).Content.ReadAsByteArrayAsync();
        var imported = await (await analyst.PostAsync("/api/analysis/imports/qdpx", File(qdpx, "survey.qdpx", "Survey, round trip"))).Read<JsonElement>();
        Assert.Equal((2, 2, 2, 1), (imported.GetProperty("items").GetInt32(), imported.GetProperty("codes").GetInt32(),
            imported.GetProperty("codings").GetInt32(), imported.GetProperty("memos").GetInt32()));
        var copy = imported.GetProperty("id").GetGuid();

        var codebook = await (await analyst.GetAsync($"/api/analysis/corpora/{copy}/codebook")).Read<JsonElement>();
        var codes = codebook.GetProperty("codes").EnumerateArray().ToList();
        Assert.Equal(["Support", "Pay"], codes.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Supervision", codes[0].GetProperty("inclusion").GetString());
        Assert.Equal(codes[0].GetProperty("id").GetGuid(), codes[1].GetProperty("parentId").GetGuid());
        var coded = (await (await analyst.GetAsync($"/api/analysis/corpora/{copy}/items?codeId={codes[0].GetProperty("id").GetGuid()}")).Read<JsonElement>())
            .GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("sourceId").GetString()!);
        Assert.Equal("London", coded["a"].GetProperty("attributes").GetProperty("region").GetString());
        var span = coded["a"].GetProperty("codings")[0];
        Assert.Equal("matters", span.GetProperty("passage").GetString());
        Assert.Equal("import", span.GetProperty("source").GetString());
        Assert.Equal(1, coded["b"].GetProperty("memos").GetInt32());
    }

    [Fact]
    public async Task a_codebook_moves_between_corpora_as_a_qdc_file()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var csv = Encoding.UTF8.GetBytes("id,text\n1,hello\n");
        var from = (await (await analyst.PostAsync("/api/analysis/corpora", File(csv, "c.csv", "From"))).Read<Created>()).Id;
        var to = (await (await analyst.PostAsync("/api/analysis/corpora", File(csv, "c.csv", "To"))).Read<Created>()).Id;
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.GetAsync($"/api/analysis/corpora/{from}/codebook.qdc")).StatusCode);
        await analyst.PostAsJsonAsync($"/api/analysis/corpora/{from}/codebook/codes", new { name = "Workload", example = "Too many patients" });

        var qdc = await (await analyst.GetAsync($"/api/analysis/corpora/{from}/codebook.qdc")).Content.ReadAsByteArrayAsync();
        Assert.Contains("urn:QDA-XML:codebook:1.0", Encoding.UTF8.GetString(qdc));
        Assert.Equal(1, (await (await analyst.PostAsync($"/api/analysis/corpora/{to}/codebook.qdc", File(qdc, "codebook.qdc"))).Read<JsonElement>()).GetProperty("version").GetInt32());
        var code = (await (await analyst.GetAsync($"/api/analysis/corpora/{to}/codebook")).Read<JsonElement>()).GetProperty("codes")[0];
        Assert.Equal(("Workload", "Too many patients"), (code.GetProperty("name").GetString(), code.GetProperty("example").GetString()));

        // The same codes again clash by name and nothing changes.
        var again = await analyst.PostAsync($"/api/analysis/corpora/{to}/codebook.qdc", File(qdc, "codebook.qdc"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Code 'Workload'", await again.Problem());
    }

    [Theory]
    [InlineData("not a zip at all", "zip")]
    [InlineData("entity", "DTD")]
    [InlineData("traversal", "..")]
    public async Task a_malformed_or_hostile_project_is_refused_and_nothing_is_imported(string kind, string named)
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        byte[] bytes = kind switch
        {
            "entity" => Zip(("project.qde", "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&b;\"/>")),
            "traversal" => Zip(("project.qde", "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>"), ("../../etc/evil.txt", "x")),
            _ => Encoding.UTF8.GetBytes(kind)
        };
        var before = (await (await analyst.GetAsync("/api/analysis/corpora")).Read<JsonElement[]>()).Length;
        var response = await analyst.PostAsync("/api/analysis/imports/qdpx", File(bytes, "project.qdpx"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Problem(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await (await analyst.GetAsync("/api/analysis/corpora")).Read<JsonElement[]>()).Length);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write(text);
        return output.ToArray();
    }
}

/// <summary>Engage suggests codes learnt from analysts' codings; only an analyst's decision makes a coding, and the agreement is audited.</summary>
public class when_engage_suggests_codes(EngageHost engage) : EngageTest(engage)
{
    private record Created(Guid Id);

    [Fact]
    public async Task suggestions_are_learnt_from_codings_count_only_once_accepted_and_are_audited_per_code()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var csv = new StringBuilder("id,text\n");
        for (var i = 0; i < 20; i++) csv.Append($"s{i},\"we need protected supervision time with a named supervisor {i}\"\n");
        for (var i = 0; i < 20; i++) csv.Append($"p{i},\"the pay band and salary do not reflect advanced practice {i}\"\n");
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "c.csv" }, { new StringContent("Two topics"), "name" } };
        var corpus = (await (await analyst.PostAsync("/api/analysis/corpora", form)).Read<Created>()).Id;
        var items = new Dictionary<string, Guid>();
        foreach (var p in new[] { 1, 2 })
            foreach (var item in (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/items?page={p}")).Read<JsonElement>()).GetProperty("items").EnumerateArray())
                items[item.GetProperty("sourceId").GetString()!] = item.GetProperty("id").GetGuid();
        var supervision = (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes", new { name = "Supervision" })).Read<Created>()).Id;
        var pay = (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes", new { name = "Pay" })).Read<Created>()).Id;

        var tooEarly = await analyst.PostAsync($"/api/analysis/corpora/{corpus}/suggestions", null);
        Assert.Contains("Code at least a few items", await tooEarly.Problem());
        for (var i = 0; i < 5; i++)
        {
            await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items[$"s{i}"]}/codings", new { codeId = supervision });
            await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items[$"p{i}"]}/codings", new { codeId = pay });
        }

        var run = await (await analyst.PostAsync($"/api/analysis/corpora/{corpus}/suggestions", null)).Read<JsonElement>();
        Assert.Equal(30, run.GetProperty("itemsConsidered").GetInt32());
        Assert.True(run.GetProperty("suggested").GetInt32() >= 25, run.ToString());
        var suggested = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/suggestions?queue=suggested")).Read<JsonElement[]>();
        var forSupervision = suggested.First(s => s.GetProperty("itemId").GetGuid() == items["s10"]);
        Assert.Equal("Supervision", forSupervision.GetProperty("code").GetString());
        Assert.True(forSupervision.GetProperty("confidence").GetDouble() >= 0.5);

        // Suggestions are not codings: the item is still uncoded until an analyst accepts.
        var uncoded = (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/items?uncoded=true")).Read<JsonElement>()).GetProperty("total").GetInt32();
        Assert.Equal(30, uncoded);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsync($"/api/analysis/corpora/{corpus}/suggestions/{forSupervision.GetProperty("id").GetGuid()}/accept", null)).StatusCode);
        var wrong = suggested.First(s => s.GetProperty("itemId").GetGuid() == items["p10"]);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsync($"/api/analysis/corpora/{corpus}/suggestions/{wrong.GetProperty("id").GetGuid()}/reject", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsync($"/api/analysis/corpora/{corpus}/suggestions/{wrong.GetProperty("id").GetGuid()}/reject", null)).StatusCode);

        var coded = (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/items?codeId={supervision}")).Read<JsonElement>()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == items["s10"]);
        Assert.Equal("suggestion", coded.GetProperty("codings")[0].GetProperty("source").GetString());

        // Audit over the two reviewed items: supervision agreed on both (yes on s10, no on p10); pay was suggested for p10 and rejected.
        var audit = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/suggestions/audit")).Read<JsonElement>();
        Assert.Equal(2, audit.GetProperty("itemsReviewed").GetInt32());
        var byCode = audit.GetProperty("codes").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(1.0, byCode["Supervision"].GetProperty("agreement").GetDouble());
        Assert.Equal(1, byCode["Pay"].GetProperty("machineOnly").GetInt32());
    }

    [Fact]
    public async Task a_discovered_theme_promoted_to_a_code_brings_its_members_as_suggestions_to_review()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var csv = new StringBuilder("id,text\n");
        for (var i = 0; i < 10; i++) csv.Append($"s{i},\"protected supervision time with a named supervisor {i}\"\n");
        for (var i = 0; i < 10; i++) csv.Append($"p{i},\"pay band salary for advanced practice {i}\"\n");
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "c.csv" }, { new StringContent("Two topics"), "name" } };
        var corpus = (await (await analyst.PostAsync("/api/analysis/corpora", form)).Read<Created>()).Id;
        Guid job = default;
        await Host.ExecuteAndWaitAsync(async () =>
            job = (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/theme-discovery", new { themes = 2, seed = 1 })).Read<JsonElement>()).GetProperty("jobId").GetGuid());
        var found = (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/theme-discovery/{job}")).Read<JsonElement>()).GetProperty("themes")[0];

        var promoted = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/theme-discovery/{job}/themes/0/promote", new { name = "Candidate one" });
        Assert.Equal(HttpStatusCode.Created, promoted.StatusCode);
        var code = (await promoted.Read<Created>()).Id;
        var review = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/suggestions?queue=review&codeId={code}")).Read<JsonElement[]>();
        Assert.Equal(found.GetProperty("itemIds").GetArrayLength(), review.Length);
        Assert.All(review, s => Assert.Equal("discovery", s.GetProperty("origin").GetString()));
        Assert.Equal(20, (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/items?uncoded=true")).Read<JsonElement>()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/theme-discovery/{job}/themes/7/promote", new { })).StatusCode);
    }
}
