using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;

namespace Engage.IntegrationTests.Security;

/// <summary>Payloads that would run as script if any page printed them without encoding.</summary>
public static class Payloads
{
    public const string Script = "<script>alert('engage-xss')</script>";
    public const string Image = "<img src=x onerror=alert('engage-xss')>";
    public const string Attribute = "\" autofocus onfocus=alert('engage-xss') x=\"";
    public const string Markup = Script + Image + Attribute;

    /// <summary>Fails when <paramref name="html"/> holds any payload as live markup.</summary>
    public static void AreInert(string html, string where)
    {
        foreach (var live in new[] { "<script>alert('engage-xss')", "<img src=x onerror", "onfocus=alert('engage-xss')" })
            Assert.False(html.Contains(live, StringComparison.OrdinalIgnoreCase) && !Escaped(html, live), $"{where} shows {live} unescaped");
    }

    // The attribute payload is harmless as text between tags; it is live only where a quote closes an attribute.
    private static bool Escaped(string html, string live) =>
        live.StartsWith("onfocus") && !html.Contains("\" autofocus onfocus=", StringComparison.Ordinal);
}

public class when_a_participant_writes_hostile_text(EngageHost engage) : WorkshopTest(engage)
{
    [Fact]
    public async Task script_and_markup_are_shown_as_text_on_every_page_that_shows_a_contribution()
    {
        await OpenWorkshop();
        var pat = await Join("pat@example.org");
        var idea = await Post(pat, "Idea " + Payloads.Markup);
        await Post(pat, "Reply " + Payloads.Markup, idea.Id);

        var participantsView = await (await new Browser(Host).Get($"/take-part/{workshopId}?theme={themeId}")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(", participantsView);
        Payloads.AreInert(participantsView, "the participants' theme page");

        var analyst = await Caller.As(Engage, Roles.Analyst);
        var corpus = await (await analyst.Api.GetAsync($"/api/analysis/workshops/{workshopId}")).Read<JsonElement>();
        var codingPage = await (await analyst.Pages.Get($"/analysis/{corpus.GetProperty("id").GetGuid()}/code")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(", codingPage);
        Payloads.AreInert(codingPage, "the analysts' coding page");

        // The API gives the text back exactly as written: JSON is not HTML, and nothing was lost on the way.
        var listed = await (await pat.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions")).Read<JsonElement[]>();
        Assert.Contains(listed, r => r.GetProperty("text").GetString() == "Idea " + Payloads.Markup);
    }

    [Fact]
    public async Task a_held_contribution_with_markup_is_shown_as_text_to_the_moderator()
    {
        await OpenWorkshop(new { title = "ACP workshop", moderation = "Pre" });
        var pat = await Join("pat@example.org");
        Assert.Equal("held", (await Post(pat, "Held " + Payloads.Markup)).Status);

        var moderator = await Caller.As(Engage, Roles.Moderator);
        var page = await (await moderator.Pages.Get($"/workshops/{workshopId}/moderation")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(", page);
        Payloads.AreInert(page, "the moderation page");
    }

    [Fact]
    public async Task sql_metacharacters_are_stored_and_searched_as_plain_text()
    {
        await OpenWorkshop();
        var pat = await Join("pat@example.org");
        const string sql = "Robert'); DROP TABLE workshop.mt_doc_workshop; -- \" OR \"1\"=\"1 %_\\ $1 ::jsonb";
        await Post(pat, sql);

        var listed = await (await pat.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions")).Read<JsonElement[]>();
        Assert.Contains(listed, r => r.GetProperty("text").GetString() == sql);
        var similar = await pat.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/similar?text={Uri.EscapeDataString(sql)}");
        Assert.Equal(HttpStatusCode.OK, similar.StatusCode);

        var analyst = await Caller.As(Engage, Roles.Analyst);
        var corpusId = (await (await analyst.Api.GetAsync($"/api/analysis/workshops/{workshopId}")).Read<JsonElement>()).GetProperty("id").GetGuid();
        var search = await analyst.Api.GetAsync($"/api/analysis/corpora/{corpusId}/items?search={Uri.EscapeDataString("' OR 1=1 --")}");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        // The workshop (and its table) is still there.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/workshops/{workshopId}")).StatusCode);
    }

    [Theory]
    [InlineData("nul \u0000 inside")]
    [InlineData("escape \u001b[31m red")]
    [InlineData("bell \u0007 and backspace \u0008")]
    [InlineData("C1 \u009b control")]
    public async Task control_characters_are_refused_with_a_problem_naming_them_and_nothing_is_stored(string text)
    {
        await OpenWorkshop();
        var pat = await Join("pat@example.org");

        var response = await pat.PostAsJsonAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions", new { text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("control character", await response.Problem());
        Assert.Empty(await (await pat.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions")).Read<JsonElement[]>());
    }

    [Fact]
    public async Task line_breaks_and_tabs_are_not_control_characters_to_refuse()
    {
        await OpenWorkshop();
        var pat = await Join("pat@example.org");
        var response = await pat.PostAsJsonAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions", new { text = "First line\r\nsecond\tline" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task invalid_utf8_half_a_surrogate_pair_and_deeply_nested_json_are_400_problems()
    {
        await OpenWorkshop();
        var pat = await Join("pat@example.org");
        var url = $"/api/workshops/{workshopId}/themes/{themeId}/contributions";

        var invalid = new ByteArrayContent([.. "{\"text\":\"caf"u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]);
        invalid.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        var badBytes = await pat.PostAsync(url, invalid);
        Assert.Equal(HttpStatusCode.BadRequest, badBytes.StatusCode);
        Assert.Equal("application/problem+json", badBytes.Content.Headers.ContentType?.MediaType);

        // Valid JSON, but U+D800 alone is not text (test data cannot carry it: the runner replaces it).
        var surrogate = await pat.PostAsync(url, new StringContent("{\"text\":\"half \\ud800 a pair\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);
        Assert.Contains("not valid Unicode", await surrogate.Problem());

        var nested = "{\"text\":\"deep\",\"parentId\":null,\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";
        var deep = await pat.PostAsync(url, new StringContent(nested, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Equal("application/problem+json", deep.Content.Headers.ContentType?.MediaType);

        Assert.Empty(await (await pat.GetAsync(url)).Read<JsonElement[]>());
    }
}

public class when_a_request_is_huge(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task a_json_body_over_the_limit_is_a_413_problem_before_it_is_read()
    {
        var client = Engage.Client(await Engage.TokenFor(Roles.Facilitator));
        var body = new EndlessContent(5L * 1024 * 1024 * 1024, "application/json");

        var response = await client.PostAsync("/api/seminars", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limit", await response.Problem());
        Assert.True(body.BytesSent < 1024 * 1024, $"{body.BytesSent} bytes were read before the answer");
    }

    [Fact]
    public async Task a_huge_multipart_upload_is_a_413_problem_before_it_is_read()
    {
        var client = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var body = new EndlessContent(2L * 1024 * 1024 * 1024, "multipart/form-data; boundary=engage");

        var response = await client.PostAsync("/api/analysis/corpora", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit", await response.Problem());
        Assert.True(body.BytesSent < 1024 * 1024, $"{body.BytesSent} bytes were read before the answer");
    }

    [Fact]
    public async Task a_body_of_unknown_length_is_cut_off_at_the_limit()
    {
        var client = Engage.Client(await Engage.TokenFor(Roles.Facilitator));
        var body = new EndlessContent(null, "application/json", "{\"title\":\"");

        var response = await client.PostAsync("/api/seminars", body);

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await (await client.GetAsync("/api/seminars")).Read<JsonElement[]>());
    }

    [Fact]
    public async Task a_page_form_over_the_limit_is_refused_too()
    {
        var body = new EndlessContent(100L * 1024 * 1024, "application/x-www-form-urlencoded", "email=");
        var response = await Engage.Client().PostAsync("/account/link", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>
    /// A body that is written as it is read, so a test can claim gigabytes without holding them and see how
    /// much the server took. <paramref name="length"/> null sends it without a Content-Length (chunked).
    /// </summary>
    private sealed class EndlessContent : HttpContent
    {
        private readonly long? length;
        private readonly string prefix;

        public EndlessContent(long? length, string contentType, string prefix = "")
        {
            (this.length, this.prefix) = (length, prefix);
            Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        public long BytesSent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var start = Encoding.UTF8.GetBytes(prefix);
            await stream.WriteAsync(start);
            BytesSent = start.Length;
            var chunk = Enumerable.Repeat((byte)'a', 64 * 1024).ToArray();
            try
            {
                while (length is null || BytesSent < length)
                {
                    var n = (int)Math.Min(chunk.Length, (length ?? long.MaxValue) - BytesSent);
                    await stream.WriteAsync(chunk.AsMemory(0, n));
                    BytesSent += n;
                    // Unknown length: stop well past any limit; the server must have refused by then.
                    if (length is null && BytesSent > 64L * 1024 * 1024) return;
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                // The server answered and stopped reading: exactly what is being tested.
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length ?? 0;
            return length is not null;
        }
    }
}
