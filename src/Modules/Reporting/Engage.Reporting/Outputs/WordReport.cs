using Engage.Reporting.Charts;
using Engage.Reporting.Content;

namespace Engage.Reporting.Outputs;

/// <summary>
/// The report outline as a Word document staff can edit: headings with outline levels, tables, the
/// charts as pictures. Every word comes from <see cref="ReportOutline"/>, the same as the web page's
/// (docs/adr/0016); only the layout is Word's.
/// </summary>
public static class WordReport
{
    public static void Write(ReportEdition edition, Stream output, string siteUrl = "") => Write(ReportOutlines.Build(edition, siteUrl), output);

    public static void Write(ReportOutline outline, Stream output)
    {
        // Drawing the charts is most of the work: done first, on every core.
        var pictures = outline.Blocks().OfType<ChartBlock>().Select(c => c.Chart).DistinctBy(c => c.Key).AsParallel().ToDictionary(c => c.Key, PngChart.Render);
        using var w = new WordWriter(output, outline.Title);
        w.Paragraph(outline.Kind.ToUpperInvariant(), "Caption");
        w.Title(outline.Title);
        foreach (var line in outline.TitleLines) w.Paragraph(line);
        w.Paragraph(outline.VersionLabel, "Meta");
        w.PageBreak();
        w.Contents();
        w.PageBreak();
        foreach (var section in outline.Sections)
        {
            w.Heading(1, section.Title);
            foreach (var block in section.Blocks) Block(w, block, pictures);
        }
    }

    private static void Block(WordWriter w, Block block, IReadOnlyDictionary<string, byte[]> pictures)
    {
        switch (block)
        {
            // The web page's h3 is Word's Heading 2: the section title is h2 there and Heading 1 here.
            case Heading x: w.Heading(x.Level - 1, x.Text); break;
            case Paragraph x: w.Paragraph(x.Text, x.Tone == Tone.Meta ? "Meta" : null); break;
            case Narrative x: w.Markdown(SafeMarkdown.Parse(x.Markdown)); break;
            case KeyFigures x: foreach (var figure in x.Figures) w.Bullet(figure.Text); break;
            case ListBlock x:
                var n = 0;
                foreach (var item in x.Texts) if (x.Ordered) w.Paragraph($"{++n}. {item}", "ListBullet"); else w.Bullet(item);
                break;
            case TableBlock x: w.Table(x.Caption, x.Columns, x.Rows); break;
            case ChartBlock x:
                // 600 px wide fits A4 between the margins; the PNG is drawn at twice that for print.
                w.Picture(pictures.GetValueOrDefault(x.Chart.Key) ?? PngChart.Render(x.Chart), 600, x.Chart.Height * 600 / BarChart.Width,
                    x.Chart.AltText);
                break;
            case QuoteBlock x: w.Quote(x.Text, x.Attribution); break;
            case NotAvailable x: w.Paragraph(x.Text, "NotAvailable"); break;
            case Group x: foreach (var child in x.Blocks) Block(w, child, pictures); break;
        }
    }
}
