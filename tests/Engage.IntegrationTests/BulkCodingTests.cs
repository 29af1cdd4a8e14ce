using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Engage.Analysis;
using Engage.Analysis.Coding;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.IntegrationTests.CodingWorkspace;

/// <summary>Bulk coding, finishing a double-coding sample and reordering the codebook, through the API.</summary>
public class when_analysts_code_in_bulk_and_finish_samples(EngageHost engage) : EngageTest(engage)
{
    private record Created(Guid Id);

    private async Task<(Guid Corpus, Dictionary<string, Guid> Items)> Upload(HttpClient analyst)
    {
        var csv = new StringBuilder("id,text,profession\n");
        for (var i = 0; i < 12; i++) csv.Append($"r{i},\"Respondent {i} says {(i % 3 == 0 ? "the rota has no protected time" : "pay bands are unfair")}\",{(i < 6 ? "Nurse" : "Paramedic")}\n");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "survey.csv" },
            { new StringContent("Bulk survey"), "name" }
        };
        var id = (await (await analyst.PostAsync("/api/analysis/corpora", form)).Read<Created>()).Id;
        var items = (await (await analyst.GetAsync($"/api/analysis/corpora/{id}/items")).Read<JsonElement>()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("sourceId").GetString()!, i => i.GetProperty("id").GetGuid());
        return (id, items);
    }

    private static async Task<Guid> Code(HttpClient analyst, Guid corpus, string name) =>
        (await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes", new { name })).Read<Created>()).Id;

    private static async Task<List<JsonElement>> Codings(HttpClient analyst, Guid corpus) =>
        (await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/items")).Read<JsonElement>()).GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("codings").EnumerateArray()).ToList();

    private async Task<(string Token, Guid Id)> AnalystNamed(string name)
    {
        var admin = Engage.Client(await Engage.TokenFor(Roles.Admin));
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@engage.test";
        var created = await (await admin.PostAsJsonAsync("/api/admin/accounts", new { email, displayName = name, roles = new[] { Roles.Analyst }, password = "a-long-test-password" })).Read<JsonElement>();
        return (await Engage.Token(email, "a-long-test-password"), created.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task a_filtered_set_is_coded_as_one_event_and_undone_as_a_whole()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var (corpus, items) = await Upload(analyst);
        var time = await Code(analyst, corpus, "Protected time");
        // One item had the code from this analyst already: it is left out, not coded twice.
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items["r0"]}/codings", new { codeId = time })).StatusCode);

        var bulk = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/bulk-codings", new { codeId = time, q = "rota", attribute = "profession", value = "Nurse" });
        Assert.Equal(HttpStatusCode.Created, bulk.StatusCode);
        var made = await bulk.Read<JsonElement>();
        Assert.Equal(1, made.GetProperty("items").GetInt32()); // r3; r0 had it already
        Assert.Equal(1, made.GetProperty("alreadyCoded").GetInt32());
        var bulkId = made.GetProperty("id").GetGuid();

        var all = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/bulk-codings", new { codeId = time, uncodedByMe = true });
        var everyOther = await all.Read<JsonElement>();
        Assert.Equal(10, everyOther.GetProperty("items").GetInt32());
        Assert.Equal(12, (await Codings(analyst, corpus)).Count);

        // The bulk coding is one event on its own stream, listing every item it coded.
        await using (var session = Host.Services.GetRequiredService<IAnalysisStore>().QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(everyOther.GetProperty("id").GetGuid());
            var applied = Assert.IsType<CodeAppliedInBulk>(Assert.Single(events).Data);
            Assert.Equal(10, applied.Items.Select(i => i.ItemId).Distinct().Count());
            Assert.True(applied.Filter.UncodedByMe);
        }

        // Undo takes back exactly what that action did; the same undo twice is refused.
        var undone = await analyst.DeleteAsync($"/api/analysis/corpora/{corpus}/bulk-codings/{everyOther.GetProperty("id").GetGuid()}");
        Assert.Equal(10, (await undone.Read<JsonElement>()).GetProperty("removed").GetInt32());
        Assert.Equal(2, (await Codings(analyst, corpus)).Count);
        var again = await analyst.DeleteAsync($"/api/analysis/corpora/{corpus}/bulk-codings/{everyOther.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already undone", await again.Problem());

        // Another analyst cannot undo it; bad input is refused and changes nothing.
        var other = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"/api/analysis/corpora/{corpus}/bulk-codings/{bulkId}")).StatusCode);
        Assert.Contains("Choose the code", await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/bulk-codings", new { q = "rota" })).Problem());
        Assert.Contains("No items match", await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/bulk-codings", new { codeId = time, q = "nowhere" })).Problem());
        Assert.Contains("already applied", await (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/bulk-codings", new { codeId = time, q = "rota", attribute = "profession", value = "Nurse" })).Problem());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/bulk-codings", new { codeId = Guid.NewGuid(), q = "rota" })).StatusCode);
        Assert.Equal(2, (await Codings(analyst, corpus)).Count);
    }

    [Fact]
    public async Task sample_progress_counts_codings_and_finishing_counts_the_rest_as_no_code()
    {
        var (annToken, annId) = await AnalystNamed("Ann Analyst");
        var (bobToken, bobId) = await AnalystNamed("Bob Analyst");
        var ann = Engage.Client(annToken);
        var bob = Engage.Client(bobToken);
        var (corpus, items) = await Upload(ann);
        var time = await Code(ann, corpus, "Protected time");
        var sample = (await (await ann.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/samples", new { size = 12, coderIds = new[] { annId, bobId } })).Read<Created>()).Id;
        Assert.Equal(HttpStatusCode.Created, (await ann.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items["r0"]}/codings", new { codeId = time })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/items/{items["r0"]}/codings", new { codeId = time })).StatusCode);

        var view = await (await ann.GetAsync($"/api/analysis/corpora/{corpus}/samples/{sample}")).Read<JsonElement>();
        Assert.Equal(1, view.GetProperty("doneByCoder").GetProperty(annId.ToString()).GetInt32());
        Assert.Equal(11, view.GetProperty("missingByCoder").GetProperty(bobId.ToString()).GetArrayLength());

        var finished = await (await ann.PostAsync($"/api/analysis/corpora/{corpus}/samples/{sample}/finish", null)).Read<JsonElement>();
        Assert.Equal(11, finished.GetProperty("markedNoCode").GetInt32());
        view = await (await ann.GetAsync($"/api/analysis/corpora/{corpus}/samples/{sample}")).Read<JsonElement>();
        Assert.Equal(12, view.GetProperty("doneByCoder").GetProperty(annId.ToString()).GetInt32());
        Assert.Equal(0, view.GetProperty("missingByCoder").GetProperty(annId.ToString()).GetArrayLength());
        // Finishing again marks nothing more; someone outside the sample cannot finish it.
        Assert.Equal(0, (await (await ann.PostAsync($"/api/analysis/corpora/{corpus}/samples/{sample}/finish", null)).Read<JsonElement>()).GetProperty("markedNoCode").GetInt32());
        var outsider = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync($"/api/analysis/corpora/{corpus}/samples/{sample}/finish", null)).StatusCode);

        // The codebook keeps the order analysts give it.
        var pay = await Code(ann, corpus, "Pay");
        Assert.Equal(HttpStatusCode.OK, (await ann.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes/{pay}/move", new { direction = "up" })).StatusCode);
        var codebook = await (await ann.GetAsync($"/api/analysis/corpora/{corpus}/codebook")).Read<JsonElement>();
        Assert.Equal(["Pay", "Protected time"], codebook.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var top = await ann.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes/{pay}/move", new { direction = "up" });
        Assert.Equal(HttpStatusCode.Conflict, top.StatusCode);
        Assert.Contains("already the first", await top.Problem());
        Assert.Contains("'up' or 'down'", await (await ann.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/codebook/codes/{pay}/move", new { direction = "left" })).Problem());
    }
}
