using System.Net;
using System.Text.RegularExpressions;
using Alba;

namespace Engage.IntegrationTests.Support;

/// <summary>
/// A person's browser against the in-process host: keeps cookies, and posts forms with the
/// antiforgery token read from the page, as a real form post does.
/// </summary>
public sealed partial class Browser
{
    private readonly CookieContainer cookies = new();
    private readonly HttpClient client;

    /// <param name="baseAddress">https://localhost to be a browser on a site served over HTTPS.</param>
    public Browser(IAlbaHost host, string baseAddress = "http://localhost")
    {
        client = new HttpClient(new CookieHandler(cookies) { InnerHandler = host.Server.CreateHandler() })
            { BaseAddress = new Uri(baseAddress) };
    }

    public HttpClient Http => client;

    public Task<HttpResponseMessage> Get(string url) => client.GetAsync(url);

    /// <summary>GETs <paramref name="pageUrl"/>, then posts <paramref name="fields"/> with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitForm(string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await (await client.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(page);
        if (!token.Success) throw new Xunit.Sdk.XunitException($"No antiforgery token on {pageUrl}");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed class CookieHandler(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var header = jar.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values) jar.SetCookies(request.RequestUri!, value);
            return response;
        }
    }
}
