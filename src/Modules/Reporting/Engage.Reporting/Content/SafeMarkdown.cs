using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Engage.Reporting.Content;

/// <summary>
/// Staff write narrative in Markdown. Raw HTML is disabled, so a typed &lt;script&gt; is shown as text;
/// links keep only http(s), mailto and in-report (#) addresses, and images become their alt text (a
/// report must not fetch anything, and javascript: links are the way round DisableHtml). Every output
/// reads the narrative through here.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static MarkdownDocument Parse(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
            if (link.IsImage || !IsSafe(link.Url)) Unwrap(link, link.IsImage ? link.Title ?? "" : null);
        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
            if (!IsSafe(auto.IsEmail ? "mailto:" + auto.Url : auto.Url)) auto.ReplaceBy(new LiteralInline(auto.Url));
        return document;
    }

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(Parse(markdown));
        return writer.ToString();
    }

    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var u = url.Trim();
        if (u.StartsWith('#')) return true;
        return Uri.TryCreate(u, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto";
    }

    /// <summary>Keeps the link's words, drops the address.</summary>
    private static void Unwrap(LinkInline link, string? alt)
    {
        var words = alt ?? string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        if (link.IsImage && words.Length == 0) words = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        link.ReplaceBy(new LiteralInline(words), copyChildren: false);
    }
}
