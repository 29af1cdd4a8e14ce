using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>Analysts bring corpora (uploaded or from a workshop), find candidate themes in them and opinion groups in their votes.</summary>
public class when_analysts_work_with_corpora(EngageHost engage) : EngageTest(engage)
{
    private static MultipartFormDataContent Csv(byte[] bytes, string? name = "Staff survey")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "corpus.csv" } };
        if (name is not null) form.Add(new StringContent(name), "name");
        return form;
    }

    private static MultipartFormDataContent Csv(string text, string? name = "Staff survey") => Csv(Encoding.UTF8.GetBytes(text), name);

    private static readonly string[] Supervision = ["protected supervision time every week", "supervision sessions with a named supervisor", "time for supervision in the job plan"];
    private static readonly string[] Pay = ["pay banding for advanced practice", "salary band should reflect advanced practice", "pay band review for practitioners"];
    private static readonly string[] Regulation = ["regulation by a professional regulator", "a regulator should hold the register", "statutory regulation and a register"];

    private static string PlantedCorpus()
    {
        var csv = new StringBuilder("id,text,profession\n");
        var n = 0;
        foreach (var (topic, profession) in new[] { (Supervision, "Nurse"), (Pay, "Paramedic"), (Regulation, "Pharmacist") })
            for (var i = 0; i < 8; i++) csv.Append($"r{n++},\"{topic[i % 3]} ({i})\",{profession}\n");
        return csv.ToString();
    }

    [Fact]
    public async Task an_uploaded_csv_becomes_a_corpus_whose_themes_are_found_by_a_background_job()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var created = await (await analyst.PostAsync("/api/analysis/corpora", Csv(PlantedCorpus()))).Read<JsonElement>();
        Assert.Equal(24, created.GetProperty("items").GetInt32());
        var id = created.GetProperty("id").GetGuid();

        var corpus = await (await analyst.GetAsync($"/api/analysis/corpora/{id}")).Read<JsonElement>();
        var first = corpus.GetProperty("items").EnumerateArray().First(i => i.GetProperty("sourceId").GetString() == "r0");
        Assert.Equal("Nurse", first.GetProperty("authorAttributes").GetProperty("profession").GetString());
        Assert.Contains(await (await analyst.GetAsync("/api/analysis/corpora")).Read<JsonElement[]>(), c => c.GetProperty("id").GetGuid() == id);

        JsonElement accepted = default;
        await Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{id}/theme-discovery", new { themes = 3, seed = 7 });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            accepted = await response.Read<JsonElement>();
        });
        var job = await (await analyst.GetAsync($"/api/analysis/corpora/{id}/theme-discovery/{accepted.GetProperty("jobId").GetGuid()}")).Read<JsonElement>();
        Assert.Equal("done", job.GetProperty("status").GetString());
        var themes = job.GetProperty("themes").EnumerateArray().ToList();
        Assert.Equal(3, themes.Count);
        Assert.Equal(24, themes.Sum(t => t.GetProperty("itemIds").GetArrayLength()));
        // Each planted topic lands in one theme: its items' ids all share a theme.
        var byItem = corpus.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("authorAttributes").GetProperty("profession").GetString());
        Assert.All(themes, t => Assert.Single(t.GetProperty("itemIds").EnumerateArray().Select(i => byItem[i.GetGuid()]).Distinct()));

        var tooMany = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{id}/theme-discovery", new { themes = 25 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("between 1 and the number of items (24)", await tooMany.Problem());
    }

    [Theory]
    [InlineData("ref,body\n1,hello\n", "no 'id' column")]
    [InlineData("id,profession\n1,Nurse\n", "no 'text' column")]
    [InlineData("id,text\n1,hello\n1,again\n", "line 3: the id \"1\" appears twice.")]
    [InlineData("id,text\n1,\n", "no rows with text")]
    public async Task a_csv_with_a_problem_is_refused_naming_it_and_nothing_is_stored(string csv, string problem)
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var response = await analyst.PostAsync("/api/analysis/corpora", Csv(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Problem());
        Assert.Empty(await (await analyst.GetAsync("/api/analysis/corpora")).Read<JsonElement[]>());
    }

    [Fact]
    public async Task a_file_that_is_not_utf8_or_has_no_name_is_refused()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var latin1 = await analyst.PostAsync("/api/analysis/corpora", Csv(Encoding.Latin1.GetBytes("id,text\n1,caf\u00e9\n")));
        Assert.Contains("line 2: the file is not UTF-8 text.", await latin1.Problem());
        Assert.Contains("'name'", await (await analyst.PostAsync("/api/analysis/corpora", Csv("id,text\n1,x\n", name: null))).Problem());
        Assert.Equal(HttpStatusCode.Forbidden, (await Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff)).PostAsync("/api/analysis/corpora", Csv("id,text\n1,x\n"))).StatusCode);
    }

    [Fact]
    public async Task opinion_groups_from_an_imported_conversation_separate_two_camps_and_find_what_all_agree_on()
    {
        // Voters 1-8 agree with comments 0-4 and disagree with 5-9; voters 11-18 the opposite; everyone agrees with 10.
        var comments = new StringBuilder("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
        for (var c = 0; c <= 10; c++) comments.Append($"{1500000000000 + c},x,{c},1,0,0,1,Statement number {c}\n");
        var votes = new StringBuilder("timestamp,datetime,comment-id,voter-id,vote\n");
        var t = 1500000100000;
        foreach (var voter in Enumerable.Range(1, 8).Concat(Enumerable.Range(11, 8)))
            for (var c = 0; c <= 10; c++)
                votes.Append($"{t++},x,{c},{voter},{(c == 10 ? 1 : (c < 5) == (voter < 10) ? 1 : -1)}\n");
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        JsonElement imported = default;
        await Host.ExecuteAndWaitAsync(async () =>
        {
            var form = new MultipartFormDataContent { { new StringContent(comments.ToString()), "comments", "comments.csv" }, { new StringContent(votes.ToString()), "votes", "votes.csv" } };
            imported = await (await staff.PostAsync("/api/workshops/imports/polis", form)).Read<JsonElement>();
        });
        var workshopId = imported.GetProperty("workshopId").GetGuid();

        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var corpusId = (await (await analyst.GetAsync($"/api/analysis/corpora?workshopId={workshopId}")).Read<JsonElement[]>()).Single().GetProperty("id").GetGuid();
        var groups = await (await analyst.GetAsync($"/api/analysis/corpora/{corpusId}/opinion-groups")).Read<JsonElement>();

        var camps = groups.GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("participants").EnumerateArray().Select(p => int.Parse(p.GetProperty("sourceId").GetString()!)).Order().ToArray()).ToList();
        Assert.Equal(2, camps.Count);
        Assert.Contains(camps, c => c.SequenceEqual(Enumerable.Range(1, 8)));
        Assert.Contains(camps, c => c.SequenceEqual(Enumerable.Range(11, 8)));
        var items = (await (await analyst.GetAsync($"/api/analysis/corpora/{corpusId}")).Read<JsonElement>()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("sourceId").GetString());
        Assert.Equal(["10"], groups.GetProperty("consensus").EnumerateArray().Select(c => items[c.GetProperty("contributionId").GetGuid()]));
        Assert.Equal(10, groups.GetProperty("divisive").GetArrayLength());
    }
}
