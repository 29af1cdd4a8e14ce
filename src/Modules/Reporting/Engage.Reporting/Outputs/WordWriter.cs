using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Engage.Reporting.Outputs;

/// <summary>
/// The Word building blocks: real heading styles (so Word's navigation pane and contents work), real
/// tables, PNG pictures with alt text, a page-number footer and a contents field Word fills on opening.
/// </summary>
internal sealed class WordWriter : IDisposable
{
    private readonly WordprocessingDocument document;
    private readonly MainDocumentPart main;
    private readonly Body body;
    private uint pictures;

    public WordWriter(Stream stream, string title)
    {
        document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = title;
        main = document.AddMainDocumentPart();
        main.Document = new Document(body = new Body());
        AddStyles(main.AddNewPart<StyleDefinitionsPart>());
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
            new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }), Field("PAGE"), new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }), Field("NUMPAGES")));
        footerId = main.GetIdOfPart(footer);
    }

    private readonly string footerId;

    public void Heading(int level, string text) => body.Append(Styled($"Heading{level}", text));
    public void Title(string text) => body.Append(Styled("Title", text));
    public void Paragraph(string text, string? style = null) => body.Append(Styled(style, text));
    public void Bold(string text) => body.Append(new Paragraph(new Run(new RunProperties(new Bold()), Txt(text))));
    public void Bullet(string text) => body.Append(Styled("ListBullet", "\u2022 " + text));
    public void PageBreak() => body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
    public void Quote(string text, string? attribution)
    {
        body.Append(Styled("Quote", $"\u201c{text}\u201d"));
        if (!string.IsNullOrWhiteSpace(attribution)) body.Append(Styled("Quote", $"\u2014 {attribution}"));
    }

    /// <summary>A contents field: Word asks to update fields when the file opens, and fills it from the headings.</summary>
    public void Contents()
    {
        body.Append(Styled("TOCHeading", "Contents"));
        body.Append(new Paragraph(
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
            new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Txt("Right-click and choose Update field to show the contents.")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
    }

    public void Table(string caption, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        body.Append(Styled("Caption", caption));
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "D8DDE0" }, new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "D8DDE0" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "D8DDE0" }, new LeftBorder { Val = BorderValues.Nil },
            new RightBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(columns, header: true));
        foreach (var row in rows) table.Append(Row(row, header: false));
        body.Append(table);
        body.Append(new Paragraph());
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        // A repeated header row on each page, and marked as a header for screen readers.
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells)
        {
            var run = new Run(Txt(cell));
            if (header) run.PrependChild(new RunProperties(new Bold()));
            row.Append(new TableCell(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), run)));
        }
        return row;
    }

    /// <summary>A PNG picture in line with the text, <paramref name="widthPx"/> wide at 96 dpi, described by <paramref name="alt"/>.</summary>
    public void Picture(byte[] png, int widthPx, int heightPx, string alt)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png)) part.FeedData(stream);
        var id = ++pictures;
        const long emuPerPx = 9525;
        long cx = widthPx * emuPerPx, cy = heightPx * emuPerPx;
        var graphic = new A.Graphic(new A.GraphicData(
            new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = $"chart{id}.png", Description = alt }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(new DW.Extent { Cx = cx, Cy = cy }, new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"Chart {id}", Description = alt },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }), graphic)
            { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        body.Append(new Paragraph(new Run(new Drawing(inline))));
    }

    /// <summary>Staff's narrative, already made safe by <see cref="Content.SafeMarkdown"/>: Word gets its words and emphasis, never markup.</summary>
    public void Markdown(MarkdownDocument markdown)
    {
        foreach (var block in markdown) Block(block, null);
    }

    private void Block(Block block, string? style)
    {
        switch (block)
        {
            case HeadingBlock heading:
                body.Append(Inlines(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading4" })), heading.Inline));
                break;
            case ParagraphBlock paragraph:
                body.Append(Inlines(new Paragraph(style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = style })), paragraph.Inline,
                    style == "ListBullet" ? "\u2022 " : null));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>()) foreach (var child in item) Block(child, "ListBullet");
                break;
            case QuoteBlock quote:
                foreach (var child in quote) Block(child, "Quote");
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                body.Append(Styled(style, leaf.Lines.ToString()));
                break;
            case ContainerBlock container:
                foreach (var child in container) Block(child, style);
                break;
        }
    }

    private static Paragraph Inlines(Paragraph paragraph, ContainerInline? inlines, string? prefix = null)
    {
        if (prefix is not null) paragraph.Append(new Run(Txt(prefix)));
        if (inlines is not null) foreach (var inline in inlines) AppendInline(paragraph, inline, bold: false, italic: false);
        return paragraph;
    }

    private static void AppendInline(Paragraph paragraph, Inline inline, bool bold, bool italic)
    {
        switch (inline)
        {
            case LiteralInline literal: paragraph.Append(Formatted(literal.Content.ToString(), bold, italic)); break;
            case CodeInline code: paragraph.Append(Formatted(code.Content, bold, italic)); break;
            case AutolinkInline auto: paragraph.Append(Formatted(auto.Url, bold, italic)); break;
            case LineBreakInline: paragraph.Append(new Run(new Break())); break;
            case EmphasisInline emphasis:
                foreach (var child in emphasis) AppendInline(paragraph, child, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1);
                break;
            case ContainerInline container:
                foreach (var child in container) AppendInline(paragraph, child, bold, italic);
                break;
        }
    }

    private static Run Formatted(string text, bool bold, bool italic)
    {
        var run = new Run(Txt(text));
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold) properties.Append(new Bold());
            if (italic) properties.Append(new Italic());
            run.PrependChild(properties);
        }
        return run;
    }

    private static Paragraph Styled(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(Txt(text)));
        return paragraph;
    }

    private static Text Txt(string text) => new(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>Characters XML 1.0 cannot hold (control characters someone pasted) would make the file unreadable.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r') ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : text;

    private static Run Field(string code) => new(new SimpleField { Instruction = $" {code} " });

    private static void AddStyles(StyleDefinitionsPart part)
    {
        Style Para(string id, string name, int halfPoints, bool bold, string color = "212B32", int? outline = null, string? after = "120", string? before = null, bool italic = false)
        {
            var run = new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new Color { Val = color }, new FontSize { Val = halfPoints.ToString() });
            if (bold) run.Append(new Bold());
            if (italic) run.Append(new Italic());
            var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { After = after, Before = before });
            if (outline is { } level) { paragraph.Append(new KeepNext()); paragraph.Append(new OutlineLevel { Val = level }); }
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle(), paragraph, run)
                { Type = StyleValues.Paragraph, StyleId = id };
        }
        var normal = Para("Normal", "Normal", 22, false);
        normal.RemoveAllChildren<BasedOn>();
        normal.Default = true;
        part.Styles = new Styles(normal,
            Para("Title", "Title", 56, true, "005EB8", after: "240"),
            Para("Heading1", "heading 1", 36, true, "005EB8", 0, before: "360"),
            Para("Heading2", "heading 2", 30, true, outline: 1, before: "280"),
            Para("Heading3", "heading 3", 26, true, outline: 2, before: "240"),
            Para("Heading4", "heading 4", 23, true, outline: 3, before: "200"),
            Para("TOCHeading", "TOC Heading", 36, true, "005EB8"),
            Para("Caption", "caption", 20, true, after: "60"),
            Para("Quote", "Quote", 22, false, "4C6272", italic: true),
            Para("ListBullet", "List Bullet", 22, false, after: "60"),
            Para("Meta", "Figures", 20, false, "4C6272"),
            Para("NotAvailable", "Not available", 22, false, "8A4B00"));
    }

    public void Dispose()
    {
        body.Append(new SectionProperties(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1020, Right = 1020, Header = 567, Footer = 567 }));
        main.Document.Save();
        document.Dispose();
    }
}
