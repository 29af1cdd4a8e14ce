using Engage.Reporting.Charts;
using Engage.Reporting.Content;
using static Engage.Reporting.Outputs.HtmlWriter;

namespace Engage.Reporting.Outputs;

/// <summary>
/// The report outline as one accessible HTML document: the web page in the portal, the HTML download,
/// and (printed by Chromium) the PDF. It lays out <see cref="ReportOutline"/> and writes no words of its
/// own beyond "Contents" (docs/adr/0016).
/// </summary>
public static class HtmlReport
{
    /// <summary>A whole HTML file with its styles inlined.</summary>
    public static string Document(ReportEdition edition, string siteUrl = "") => Document(ReportOutlines.Build(edition, siteUrl));

    public static string Document(ReportOutline outline) =>
        $"""
         <!DOCTYPE html>
         <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
         <title>{Attr(outline.Title)}</title><style>body {"{"} margin: 0 auto; padding: 1rem 1.5rem; max-width: 1000px; {"}"} {ReportStyles.Css}</style></head>
         <body><main>{Body(outline)}</main></body></html>
         """;

    /// <summary>The report itself, for pages that give it their own layout.</summary>
    public static string Body(ReportEdition edition) => Body(ReportOutlines.Build(edition));

    public static string Body(ReportOutline outline)
    {
        var h = new HtmlWriter();
        h.Raw("<article class=\"report\">");
        h.Raw("<header class=\"title-page\">").Element("p", outline.Kind, "class=\"kind\"").Element("h1", outline.Title);
        foreach (var line in outline.TitleLines) h.Element("p", line);
        h.Element("p", outline.VersionLabel).Raw("</header>");
        Contents(h, outline);
        foreach (var section in outline.Sections)
        {
            h.Raw($"<section aria-labelledby=\"{Attr(section.Id)}\">").Element("h2", section.Title, $"id=\"{Attr(section.Id)}\"");
            foreach (var block in section.Blocks) Block(h, block);
            h.Raw("</section>");
        }
        return h.Raw("</article>").ToString();
    }

    private static void Contents(HtmlWriter h, ReportOutline outline)
    {
        h.Raw("<nav class=\"contents\" aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>");
        foreach (var section in outline.Sections)
        {
            h.Raw($"<li><a href=\"#{Attr(section.Id)}\">").Text(section.Title).Raw("</a>");
            if (section.Entries.Count > 0)
            {
                h.Raw("<ol>");
                foreach (var entry in section.Entries) h.Raw($"<li><a href=\"#{Attr(entry.Anchor)}\">").Text(entry.Text).Raw("</a></li>");
                h.Raw("</ol>");
            }
            h.Raw("</li>");
        }
        h.Raw("</ol></nav>");
    }

    private static void Block(HtmlWriter h, Block block)
    {
        switch (block)
        {
            case Heading x:
                h.Element($"h{x.Level}", x.Text, x.Anchor is null ? null : $"id=\"{Attr(x.Anchor)}\"");
                break;
            case Paragraph x:
                h.Raw(x.Tone == Tone.Meta ? "<p class=\"meta\">" : "<p>");
                Spans(h, x.Spans);
                h.Raw("</p>");
                break;
            case Narrative x:
                var html = SafeMarkdown.ToHtml(x.Markdown);
                if (html.Length > 0) h.Raw("<div class=\"narrative\">").Raw(html).Raw("</div>");
                break;
            case KeyFigures x:
                h.Raw("<ul class=\"figures\">");
                // The space keeps "120 people took part" one phrase for screen readers and text extraction.
                foreach (var figure in x.Figures) h.Raw("<li><strong>").Text(figure.Value).Raw("</strong> ").Text(figure.Label).Raw("</li>");
                h.Raw("</ul>");
                break;
            case ListBlock x:
                h.Raw(x.Ordered ? "<ol>" : "<ul>");
                foreach (var item in x.Items) { h.Raw("<li>"); Spans(h, item); h.Raw("</li>"); }
                h.Raw(x.Ordered ? "</ol>" : "</ul>");
                break;
            case TableBlock x:
                Table(h, x);
                break;
            case ChartBlock x:
                h.Raw(SvgChart.Render(x.Chart, x.Id));
                break;
            case QuoteBlock x:
                h.Raw(x.Anchor is null ? "<blockquote>" : $"<blockquote id=\"{Attr(x.Anchor)}\">").Element("p", $"\u201c{x.Text}\u201d");
                if (!string.IsNullOrWhiteSpace(x.Attribution)) h.Element("footer", x.Attribution);
                h.Raw("</blockquote>");
                break;
            case NotAvailable x:
                h.Element("p", x.Text, "class=\"not-available\"");
                break;
            case Group x:
                // A theme is a region of its own (labelled by its heading); a recommendation is a box.
                if (x.Kind == "theme") h.Raw($"<section aria-labelledby=\"{Attr(x.Anchor)}\">");
                else h.Raw($"<div class=\"{Attr(x.Kind)}\"{(x.Anchor is null ? "" : $" id=\"{Attr(x.Anchor)}\"")}>");
                foreach (var child in x.Blocks) Block(h, child);
                h.Raw(x.Kind == "theme" ? "</section>" : "</div>");
                break;
        }
    }

    private static void Spans(HtmlWriter h, IReadOnlyList<Span> spans)
    {
        foreach (var span in spans)
            if (span.Href is null) h.Text(span.Text);
            else h.Raw($"<a href=\"{Attr(span.Href)}\">").Text(span.Text).Raw("</a>");
    }

    private static void Table(HtmlWriter h, TableBlock t)
    {
        h.Raw("<table>").Element("caption", t.Caption).Raw("<thead><tr>");
        for (var i = 0; i < t.Columns.Count; i++) h.Element("th", t.Columns[i], i >= t.NumericFrom ? "scope=\"col\" class=\"n\"" : "scope=\"col\"");
        h.Raw("</tr></thead><tbody>");
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var row = t.Rows[r];
            h.Raw(t.RowAnchors is { } anchors && r < anchors.Count ? $"<tr id=\"{Attr(anchors[r])}\">" : "<tr>");
            for (var i = 0; i < row.Count; i++) h.Element(i == 0 ? "th" : "td", row[i], i == 0 ? "scope=\"row\"" : i >= t.NumericFrom ? "class=\"n\"" : null);
            h.Raw("</tr>");
        }
        h.Raw("</tbody></table>");
    }
}
