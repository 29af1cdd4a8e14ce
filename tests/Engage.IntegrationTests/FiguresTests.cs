using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Platform.Accounts;
using Engage.Platform.Wording;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>
/// The proof that the numbers can be trusted: an engagement generated through the public API, its
/// every figure read back from the dashboard, the Analysis API and pages, each report format and
/// "what we heard", and compared with what this test counts itself from what it sent. Groups smaller
/// than the minimum (10) are in it on purpose, and no figure about them may appear anywhere.
/// </summary>
public class when_an_engagement_is_counted_everywhere(EngageHost engage) : WorkshopTest(engage)
{
    private const int Minimum = 10;
    private const string Password = "a-long-test-password";
    private record Created(Guid Id);

    // What this test sends, and so what it expects, counted here and nowhere else.
    private const int Nurses = 14, Paramedics = 12, Midwives = 3;           // midwives: a group under the minimum
    private const int Registered = Nurses + Paramedics + Midwives;          // the leaver is gone
    private const int Seeds = 2;
    private const int Contributions = Registered + 1 + Seeds;               // everyone's, the leaver's kept one, the seeds
    private const int VotesEach = 8;
    private const int Votes = Registered * VotesEach;                       // the leaver's votes went with them
    private const int SupervisionPeople = Nurses + 2, SupervisionItems = Nurses + 2;
    private const int PayPeople = Paramedics, PayItems = Paramedics + 1 + 1; // the leaver's kept item and seed 2 are nobody's
    private const int TitlesPeople = 2;                                      // under the minimum
    private static string Share(int people) => Words.Percent((double)people / Registered);

    [Fact]
    public async Task every_figure_is_the_same_in_every_place_and_none_describes_fewer_than_the_minimum()
    {
        await OpenWorkshop();

        // Seed statements from the programme team: contributions, nobody's.
        var seed1 = await Post(staff, "Advanced practitioners should be regulated by a single national register.");
        var seed2 = await Post(staff, "Every trainee advanced practitioner needs protected supervision time.");

        var nurses = new List<HttpClient>();
        var paramedics = new List<HttpClient>();
        var midwives = new List<HttpClient>();
        for (var i = 0; i < Nurses; i++) nurses.Add(await Join($"nurse{i}@figures.test", "Nurse", "London"));
        for (var i = 0; i < Paramedics; i++) paramedics.Add(await Join($"paramedic{i}@figures.test", "Paramedic", "North West"));
        for (var i = 0; i < Midwives; i++) midwives.Add(await Join($"midwife{i}@figures.test", "Midwife", "London"));
        var leaver = await Join("leaver@figures.test", "Nurse", "North West");

        var byNurses = new List<Guid>();
        for (var i = 0; i < Nurses; i++) byNurses.Add((await Post(nurses[i], $"Nurse {i}: supervision needs a named supervisor and protected hours.")).Id);
        var byParamedics = new List<Guid>();
        for (var i = 0; i < Paramedics; i++) byParamedics.Add((await Post(paramedics[i], $"Paramedic {i}: pay bands leave trainees out of pocket.")).Id);
        var byMidwives = new List<Guid>();
        for (var i = 0; i < Midwives; i++) byMidwives.Add((await Post(midwives[i], $"Midwife {i}: supervision should include titles we recognise.")).Id);
        var leaversPost = (await Post(leaver, "Former colleague: pay for study leave is unfair.")).Id;

        // Everyone votes on the two seeds and six contributions; the paramedics disagree with the first seed.
        var ballot = new[] { seed1.Id, seed2.Id, byNurses[0], byNurses[1], byNurses[2], byParamedics[0], byParamedics[1], byParamedics[2] };
        async Task VoteAll(HttpClient who, bool paramedic)
        {
            for (var b = 0; b < ballot.Length; b++)
            {
                var vote = b switch { 0 => paramedic ? "disagree" : "agree", 1 => "agree", < 5 => paramedic ? "disagree" : "agree", _ => paramedic ? "agree" : "disagree" };
                Assert.Equal(HttpStatusCode.NoContent, (await who.PutAsJsonAsync($"/api/contributions/{ballot[b]}/vote", new { vote })).StatusCode);
            }
        }
        await Tracked(async () =>
        {
            foreach (var n in nurses.Concat(midwives)) await VoteAll(n, paramedic: false);
            foreach (var p in paramedics) await VoteAll(p, paramedic: true);
            await VoteAll(leaver, paramedic: true);
        });
        // The leaver deletes their data; their contribution stays, unattributed (the workshop's policy).
        await Tracked(async () => Assert.Equal(HttpStatusCode.NoContent, (await leaver.DeleteAsync($"/api/workshops/{workshopId}/me")).StatusCode));

        // The dashboard, through its API.
        var dashboard = await (await staff.GetAsync($"/api/workshops/{workshopId}/dashboard")).Read<JsonElement>();
        Assert.Equal(Registered, dashboard.GetProperty("registrations").GetInt32());
        Assert.Equal(Registered, dashboard.GetProperty("tookPart").GetInt32());
        Assert.Equal(Registered, dashboard.GetProperty("contributors").GetInt32());
        Assert.Equal(Registered, dashboard.GetProperty("voters").GetInt32());
        Assert.Equal(Contributions, dashboard.GetProperty("contributions").GetInt32());
        Assert.Equal(Seeds, dashboard.GetProperty("seedStatements").GetInt32());
        Assert.Equal(Votes, dashboard.GetProperty("votes").GetInt32());
        var professions = dashboard.GetProperty("byAttribute").GetProperty("profession").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        Assert.Equal(Nurses, professions["Nurse"].GetProperty("participants").GetInt32());
        Assert.Equal(JsonValueKind.Null, professions["Midwife"].GetProperty("participants").ValueKind);
        Assert.Equal("fewer than 10", professions["Midwife"].GetProperty("participantsShown").GetString());
        // 29 registered less 14 nurses and 12 paramedics would give the 3 midwives back: the paramedics are not shown either.
        Assert.Equal(JsonValueKind.Null, professions["Paramedic"].GetProperty("participants").ValueKind);
        Assert.Equal("not shown", professions["Paramedic"].GetProperty("participantsShown").GetString());
        var regions = dashboard.GetProperty("byAttribute").GetProperty("region").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        Assert.Equal(Nurses + Midwives, regions["London"].GetProperty("participants").GetInt32());
        Assert.Equal(Paramedics, regions["North West"].GetProperty("participants").GetInt32());

        // Analysis: code, star a midwife's words, recommend, publish.
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        async Task<Guid> Code(string name, IEnumerable<Guid> items)
        {
            var code = await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/codebook/codes", new { name, definition = name })).Read<Created>();
            foreach (var item in items)
                Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/items/{item}/codings", new { codeId = code.Id })).StatusCode);
            return code.Id;
        }
        var supervision = await Code("Supervision", byNurses.Concat(byMidwives.Take(2)));
        var pay = await Code("Pay", byParamedics.Append(leaversPost).Append(seed2.Id));
        await Code("Titles", [byMidwives[2], byNurses[13]]);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/quotes", new { itemId = byMidwives[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/recommendations",
            new { title = "Protect supervision time", description = "Employers protect weekly supervision.", audience = "employers", themeIds = new[] { supervision } })).StatusCode);
        await Tracked(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{workshopId}/publish", new { title = "What we heard" })).StatusCode));

        var publications = await (await analyst.GetAsync($"/api/analysis/corpora/{workshopId}/publications")).Read<JsonElement[]>();
        var content = (await (await analyst.GetAsync($"/api/analysis/corpora/{workshopId}/publications/{publications[0].GetProperty("id").GetGuid()}")).Read<JsonElement>())
            .GetProperty("content");
        var participation = content.GetProperty("participation");
        Assert.Equal((Registered, Registered, Registered, Registered, Contributions, Seeds, Votes),
            (participation.GetProperty("registered").GetInt32(), participation.GetProperty("tookPart").GetInt32(), participation.GetProperty("contributors").GetInt32(),
             participation.GetProperty("voters").GetInt32(), participation.GetProperty("contributions").GetInt32(), participation.GetProperty("seedStatements").GetInt32(),
             participation.GetProperty("votes").GetInt32()));
        var themes = content.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("title").GetString()!);
        Assert.Equal((SupervisionItems, SupervisionPeople), (themes["Supervision"].GetProperty("items").GetInt32(), themes["Supervision"].GetProperty("people").GetInt32()));
        Assert.Equal(Math.Round(100.0 * SupervisionPeople / Registered, 1), themes["Supervision"].GetProperty("prevalence").GetDouble());
        Assert.Equal((PayItems, PayPeople), (themes["Pay"].GetProperty("items").GetInt32(), themes["Pay"].GetProperty("people").GetInt32()));
        Assert.Equal(JsonValueKind.Null, themes["Titles"].GetProperty("people").ValueKind);
        Assert.Equal("fewer than 10 people", themes["Titles"].GetProperty("peopleShown").GetString());
        var quote = themes["Supervision"].GetProperty("quotes")[0];
        Assert.DoesNotContain("Midwife", quote.GetProperty("attribution").GetString());
        Assert.Equal(SupervisionPeople, content.GetProperty("recommendations")[0].GetProperty("evidence").GetProperty("people").GetInt32());
        var profile = participation.GetProperty("byAttribute").EnumerateArray().Single(a => a.GetProperty("attribute").GetString() == "profession");
        Assert.Equal("Profession", profile.GetProperty("label").GetString());
        Assert.All(AllCounts(content), n => Assert.True(n == 0 || n >= Minimum, $"a count of {n} people left the Analysis module"));
        // Direction: every published statement share says which way it points, and the reading agrees with the shares.
        foreach (var s in Statements(content))
        {
            var direction = s.GetProperty("direction").GetString()!;
            var share = s.GetProperty(direction switch { "Agree" => "agreePercent", "Disagree" => "disagreePercent", _ => "passPercent" }).GetDouble();
            Assert.StartsWith(Words.Percent(share / 100), s.GetProperty("reading").GetString());
            Assert.EndsWith(direction.ToLowerInvariant(), s.GetProperty("reading").GetString());
        }
        var readings = Statements(content).Select(s => s.GetProperty("reading").GetString()!).Where(r => r.Contains("of Group")).Distinct().ToList();
        // The paramedics' group disagrees with the first seed: the finding must say so.
        Assert.Contains(Statements(content), s => s.GetProperty("contributionId").GetGuid() == seed1.Id && s.GetProperty("direction").GetString() == "Disagree"
            || s.GetProperty("byGroup").ValueKind == JsonValueKind.Array && s.GetProperty("byGroup").EnumerateArray().Any(g => g.GetProperty("direction").GetString() == "Disagree"));

        // The Analysis pages, as an analyst sees them.
        var browser = await SignIn("Fiona Figures", Roles.Analyst, Roles.ProgrammeStaff);
        var findings = Plain(await (await browser.Get($"/analysis/{workshopId}/findings")).Content.ReadAsStringAsync());
        Assert.Contains($"Supervision {SupervisionItems} {SupervisionPeople} {Share(SupervisionPeople)}", findings);
        Assert.Contains($"Pay {PayItems} {PayPeople} {Share(PayPeople)}", findings);
        Assert.Contains($"Titles 2 fewer than 10 people", findings);
        Assert.Contains($"from {Registered} people who wrote something", findings);
        NoSmallCounts("the findings page", findings);
        var groupsPage = Plain(await (await browser.Get($"/analysis/{workshopId}/groups")).Content.ReadAsStringAsync());
        foreach (var reading in readings) Assert.Contains(reading, groupsPage);
        NoSmallCounts("the opinion groups page", groupsPage);
        var dashboardPage = await (await browser.Get($"/workshops/{workshopId}")).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"figure-registered\">{Registered}<", dashboardPage);
        Assert.Contains($"id=\"figure-contributions\">{Contributions}<", dashboardPage);
        Assert.Contains($"id=\"figure-votes\">{Votes}<", dashboardPage);
        NoSmallCounts("the dashboard page", Plain(dashboardPage));

        // The report, published, in every format.
        var programme = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var reportId = (await (await programme.GetAsync($"/api/reports?workshopId={workshopId}")).Read<JsonElement[]>()).Single().GetProperty("id").GetGuid();
        await Tracked(async () => Assert.Equal(HttpStatusCode.Accepted, (await programme.PostAsync($"/api/reports/{reportId}/publish", null)).StatusCode));
        var formats = new Dictionary<string, string>
        {
            ["the report's web page"] = Plain(await Body(programme, $"/api/reports/{reportId}/report.html")),
            ["the PDF"] = await PdfText(await Bytes(programme, $"/api/reports/{reportId}/report.pdf")),
            ["the Word document"] = Plain(WordText(await Bytes(programme, $"/api/reports/{reportId}/report.docx"))),
        };
        foreach (var (format, text) in formats)
        {
            var flat = Regex.Replace(text, @"\s+", " ");
            Assert.True(flat.Contains($"{Registered} people") && flat.Contains($"{Contributions} contributions") && flat.Contains($"{Votes} votes"),
                $"{format} does not give {Registered} people, {Contributions} contributions and {Votes} votes");
            Assert.True(flat.Contains($"{SupervisionPeople} people") && flat.Contains($"{PayPeople} people"), $"{format} does not give the themes' people");
            foreach (var reading in readings) Assert.True(flat.Contains(reading), $"{format} does not say \"{reading}\" as the opinion groups page does");
            NoSmallCounts(format, flat);
        }

        var sheets = Sheets(await Bytes(programme, $"/api/reports/{reportId}/data.xlsx"));
        var csvs = new Dictionary<string, IReadOnlyList<string[]>>();
        foreach (var name in new[] { "participation", "themes", "subthemes", "breakdowns", "group-views", "quotes", "recommendations" })
            csvs[name] = Csv(await Body(programme, $"/api/reports/{reportId}/data/{name}.csv"));
        foreach (var (source, rows) in csvs.Select(c => ($"{c.Key}.csv", c.Value)).Concat(sheets.Select(s => ($"the Excel sheet {s.Key}", s.Value))))
        {
            if (source.Contains("themes") && !source.Contains("sub"))
            {
                Assert.Contains(rows, r => r.Contains("Supervision") && r.Contains($"{SupervisionPeople}") && r.Contains($"{SupervisionItems}"));
                Assert.Contains(rows, r => r.Contains("Pay") && r.Contains($"{PayPeople}") && r.Contains($"{PayItems}"));
            }
            // Only the "People" kind of column is checked for small counts: items and votes are not people.
            var header = rows.FirstOrDefault() ?? [];
            var peopleColumns = header.Select((h, i) => (h, i)).Where(x => x.h is "People" or "Group size" or "Participants").Select(x => x.i).ToList();
            foreach (var row in rows.Skip(1))
                foreach (var i in peopleColumns.Where(i => i < row.Length))
                    Assert.False(int.TryParse(row[i], out var n) && n is > 0 and < Minimum, $"{source} shows {n} people in row \"{string.Join(", ", row)}\"");
        }
        var themesCsv = csvs["themes"];
        var titles = themesCsv.Single(r => r.Length > 0 && r[0] == "Titles");
        var peopleAt = Array.IndexOf(themesCsv[0], "People");
        Assert.NotEqual($"{TitlesPeople}", titles[peopleAt]);

        // What we heard, as anyone sees it.
        var heard = Plain(await (await Engage.Client().GetAsync($"/take-part/{workshopId}/what-we-heard")).Content.ReadAsStringAsync());
        Assert.Contains($"Raised by {SupervisionPeople} people ({Share(SupervisionPeople)} of those who wrote something)", heard);
        Assert.Contains("Raised by fewer than 10 people", heard);
        NoSmallCounts("what we heard", heard);

        // How we count is public and linked from the dashboard.
        Assert.Contains("href=\"/how-we-count\"", dashboardPage);
        var howWeCount = await Engage.Client().GetAsync("/how-we-count");
        Assert.Equal(HttpStatusCode.OK, howWeCount.StatusCode);
        Assert.Contains("Seed statements", await howWeCount.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Waits for every cascade the action starts, with room for a few hundred votes on a loaded machine.</summary>
    private Task Tracked(Func<Task> action) =>
        Host.TrackActivity().Timeout(TimeSpan.FromMinutes(3)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => action()));

    /// <summary>"3 people", "1 person", "Midwife 3": a count of people under the minimum in running text or a table row.</summary>
    private static void NoSmallCounts(string where, string text)
    {
        var small = Regex.Match(text, @"(?<![\d.,%])\b[1-9] (people|person|participants|contributors)\b");
        Assert.False(small.Success, $"{where} says \"{small.Value}\": {Around(text, small.Index)}");
        var midwives = Regex.Match(text, @"Midwife\W{1,3}[1-9](?![\d.,%])\b");
        Assert.False(midwives.Success, $"{where} counts the midwives: {Around(text, midwives.Index)}");
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 80), Math.Min(160, text.Length - Math.Max(0, at - 80)));

    /// <summary>Every number in the published analysis that counts people, wherever it sits.</summary>
    private static IEnumerable<int> AllCounts(JsonElement content)
    {
        var p = content.GetProperty("participation");
        foreach (var name in new[] { "registered", "tookPart", "contributors", "voters" })
            if (p.GetProperty(name).ValueKind == JsonValueKind.Number) yield return p.GetProperty(name).GetInt32();
        foreach (var a in p.GetProperty("byAttribute").EnumerateArray())
            foreach (var g in a.GetProperty("groups").EnumerateArray())
                if (g.GetProperty("count").ValueKind == JsonValueKind.Number) yield return g.GetProperty("count").GetInt32();
        foreach (var t in content.GetProperty("themes").EnumerateArray())
        {
            if (t.GetProperty("people").ValueKind == JsonValueKind.Number) yield return t.GetProperty("people").GetInt32();
            foreach (var s in t.GetProperty("subthemes").EnumerateArray())
                if (s.GetProperty("people").ValueKind == JsonValueKind.Number) yield return s.GetProperty("people").GetInt32();
            foreach (var b in t.GetProperty("breakdowns").EnumerateArray())
                foreach (var c in b.GetProperty("cells").EnumerateArray())
                {
                    if (c.GetProperty("count").ValueKind == JsonValueKind.Number) yield return c.GetProperty("count").GetInt32();
                    if (c.GetProperty("groupSize").ValueKind == JsonValueKind.Number)
                    {
                        yield return c.GetProperty("groupSize").GetInt32();
                        if (c.GetProperty("count").ValueKind == JsonValueKind.Number) yield return c.GetProperty("groupSize").GetInt32() - c.GetProperty("count").GetInt32();
                    }
                }
        }
        if (content.GetProperty("opinionGroups") is { ValueKind: JsonValueKind.Object } o)
            foreach (var g in o.GetProperty("groups").EnumerateArray())
            {
                if (g.GetProperty("participants").ValueKind == JsonValueKind.Number) yield return g.GetProperty("participants").GetInt32();
                foreach (var a in g.GetProperty("attributes").EnumerateArray())
                    foreach (var c in a.GetProperty("groups").EnumerateArray())
                        if (c.GetProperty("count").ValueKind == JsonValueKind.Number) yield return c.GetProperty("count").GetInt32();
            }
        foreach (var r in content.GetProperty("recommendations").EnumerateArray())
            if (r.GetProperty("evidence").GetProperty("people").ValueKind == JsonValueKind.Number) yield return r.GetProperty("evidence").GetProperty("people").GetInt32();
    }

    private static IEnumerable<JsonElement> Statements(JsonElement content) =>
        content.GetProperty("opinionGroups") is { ValueKind: JsonValueKind.Object } o
            ? o.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("representative").EnumerateArray())
                .Concat(o.GetProperty("consensus").EnumerateArray()).Concat(o.GetProperty("divisive").EnumerateArray())
            : [];

    private async Task<Browser> SignIn(string name, params string[] roles)
    {
        var admin = Engage.Client(await Engage.TokenFor(Roles.Admin));
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@engage.test";
        await (await admin.PostAsJsonAsync("/api/admin/accounts", new CreateStaffAccount(email, name, roles, Password))).Read<CreatedAccount>();
        var browser = new Browser(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitForm("/account/signin", [new("email", email), new("password", Password)])).StatusCode);
        return browser;
    }

    /// <summary>A page's words as a reader sees them: tags gone, entities decoded, spaces collapsed.</summary>
    private static string Plain(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " ")), @"\s+", " ");

    private static async Task<string> Body(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task<byte[]> Bytes(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> PdfText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", $"{file} -") { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally { File.Delete(file); }
    }

    /// <summary>word/document.xml's text runs, paragraph by paragraph.</summary>
    private static string WordText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = XDocument.Parse(reader.ReadToEnd());
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return string.Join("\n", xml.Descendants(w + "p").Select(p => string.Join(" ", p.Descendants(w + "t").Select(t => t.Value))));
    }

    /// <summary>Each worksheet of the workbook as rows of cell texts (shared and inline strings resolved).</summary>
    private static Dictionary<string, IReadOnlyList<string[]>> Sheets(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        XNamespace s = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XDocument Load(string path) { using var stream = zip.GetEntry(path)!.Open(); return XDocument.Load(stream); }
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] : Load("xl/sharedStrings.xml").Descendants(s + "si").Select(si => string.Concat(si.Descendants(s + "t").Select(t => t.Value))).ToList();
        var rels = Load("xl/_rels/workbook.xml.rels").Root!.Elements().ToDictionary(e => (string)e.Attribute("Id")!, e => (string)e.Attribute("Target")!);
        var result = new Dictionary<string, IReadOnlyList<string[]>>();
        foreach (var sheet in Load("xl/workbook.xml").Descendants(s + "sheet"))
        {
            var target = rels[(string)sheet.Attribute(r + "id")!].TrimStart('/');
            var path = target.StartsWith("xl/") ? target : "xl/" + target;
            result[(string)sheet.Attribute("name")!] = Load(path).Descendants(s + "row").Select(row => row.Elements(s + "c").Select(c =>
                (string?)c.Attribute("t") switch
                {
                    "s" => shared[int.Parse(c.Element(s + "v")!.Value)],
                    "inlineStr" => string.Concat(c.Descendants(s + "t").Select(t => t.Value)),
                    _ => c.Element(s + "v")?.Value ?? ""
                }).ToArray()).ToList();
        }
        return result;
    }

    /// <summary>RFC 4180 rows.</summary>
    private static IReadOnlyList<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { row.Add(cell.ToString().TrimEnd('\r')); cell.Clear(); rows.Add([.. row]); row.Clear(); }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
