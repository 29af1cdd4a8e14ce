using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AnalysisBench;

/// <summary>
/// The coding workspace at national scale, against a running Engage (<c>./run.sh --no-demo</c>): a corpus of
/// <c>items</c> items is uploaded, an eight-code codebook added, then an analyst signed in through the pages
/// applies codes the way the coding page does (htmx posts that answer with the one item re-rendered) and through
/// the API, and opens list pages of 50 items. Times are round trips on loopback, so they bound the server's time
/// from above; page weight is the HTML as sent (no compression).
/// </summary>
public static partial class CodingBench
{
    private static readonly string[] Words =
        ["supervision", "protected", "time", "pay", "band", "training", "funding", "regulation", "scope", "practice", "support", "employer",
         "workload", "career", "framework", "assessment", "portfolio", "mentor", "rota", "unclear", "excellent", "worried", "national", "trust"];

    private static readonly string[] Codes =
        ["Protected time", "Supervision", "Career progression", "Pay and banding", "Regulation", "Training funding", "Workload", "National framework"];

    public static async Task<int> Run(string url, string email, string password, int items, int applies)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        var token = (await (await http.PostAsJsonAsync("/api/auth/token", new { email, password })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var api = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var random = new Random(11);
        var csv = new StringBuilder("id,text,profession,region\n");
        string[] professions = ["Nurse", "Paramedic", "Pharmacist", "Physiotherapist"];
        string[] regions = ["London", "North West", "Midlands", "South West"];
        for (var i = 0; i < items; i++)
            csv.Append($"R{i},\"{string.Join(' ', Enumerable.Range(0, 14 + random.Next(30)).Select(_ => Words[random.Next(Words.Length)]))}\",{professions[random.Next(4)]},{regions[random.Next(4)]}\n");
        var upload = Stopwatch.StartNew();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "bench.csv" },
            { new StringContent($"Coding bench {DateTime.UtcNow:HHmmss}"), "name" }
        };
        var created = await api.PostAsync("/api/analysis/corpora", form);
        created.EnsureSuccessStatusCode();
        var corpusId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Console.WriteLine($"corpus: {items:N0} items uploaded in {upload.Elapsed.TotalSeconds:F1} s");
        var codeIds = new List<Guid>();
        foreach (var code in Codes)
            codeIds.Add((await (await api.PostAsJsonAsync($"/api/analysis/corpora/{corpusId}/codebook/codes", new { name = code })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        // Signed in through the pages, as an analyst's browser is.
        var signin = await http.GetStringAsync("/account/signin");
        var signedIn = await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = Antiforgery(signin)
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {signedIn.StatusCode}.");

        // List pages: the first, one deep in the corpus, and the "not coded by me" filter.
        foreach (var path in new[] { "", "?p=100", "?mine=true" })
        {
            await http.GetStringAsync($"/analysis/{corpusId}/code{path}");
            var watch = Stopwatch.StartNew();
            var html = await http.GetStringAsync($"/analysis/{corpusId}/code{path}");
            Console.WriteLine($"list page /code{path}: {Encoding.UTF8.GetByteCount(html) / 1024.0:F1} KB of HTML for {ItemIds(html).Count} items, {watch.ElapsedMilliseconds} ms");
        }

        // Applying a code from the page (htmx): a whole-item coding or a passage, on items spread over the corpus.
        var pageTimes = new List<double>();
        var apiTimes = new List<double>();
        for (var n = 0; n < applies; n++)
        {
            var html = await http.GetStringAsync($"/analysis/{corpusId}/code?p={1 + random.Next(Math.Max(1, items / 50))}");
            var ids = ItemIds(html);
            var item = ids[random.Next(ids.Count)];
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery(html), ["code"] = Codes[random.Next(Codes.Length)] };
            if (n % 2 == 0) { fields["start"] = "0"; fields["end"] = "5"; }
            var request = new HttpRequestMessage(HttpMethod.Post, $"/analysis/{corpusId}/code?handler=Apply&itemId={item}") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("HX-Request", "true");
            var watch = Stopwatch.StartNew();
            var answer = await http.SendAsync(request);
            var body = await answer.Content.ReadAsStringAsync();
            watch.Stop();
            if (!answer.IsSuccessStatusCode || !body.Contains("coding-chip")) throw new InvalidOperationException($"Applying from the page answered {answer.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            pageTimes.Add(watch.Elapsed.TotalMilliseconds);

            var other = ids[random.Next(ids.Count)];
            watch.Restart();
            var viaApi = await api.PostAsJsonAsync($"/api/analysis/corpora/{corpusId}/items/{other}/codings", new { codeId = codeIds[random.Next(codeIds.Count)] });
            watch.Stop();
            if (viaApi.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)) throw new InvalidOperationException($"The API answered {viaApi.StatusCode}.");
            apiTimes.Add(watch.Elapsed.TotalMilliseconds);
        }
        // The first few include warming up (JIT, pools): reported apart.
        Report("apply a code from the page (htmx, item re-rendered)", pageTimes.Skip(5).ToList());
        Report("apply a code through the API", apiTimes.Skip(5).ToList());

        var bulk = Stopwatch.StartNew();
        var bulkAnswer = await api.PostAsJsonAsync($"/api/analysis/corpora/{corpusId}/bulk-codings", new { codeId = codeIds[0], q = "supervision rota" });
        Console.WriteLine($"bulk coding of the items containing \"supervision rota\": {(int)bulkAnswer.StatusCode} {await bulkAnswer.Content.ReadAsStringAsync()} in {bulk.ElapsedMilliseconds} ms");
        return 0;
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        double P(double q) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine($"{what}: n = {times.Count}, median {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {times[^1]:F1} ms");
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    private static List<string> ItemIds(string html) => ItemSection().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<section class=\"coding-item\" id=\"item-([0-9a-f-]{36})\"")]
    private static partial Regex ItemSection();
}
