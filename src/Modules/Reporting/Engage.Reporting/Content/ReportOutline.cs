using Engage.Reporting.Charts;

namespace Engage.Reporting.Content;

/// <summary>
/// The report built once, with every sentence and figure already in words (docs/adr/0016). The web
/// page, the PDF (the web page printed), the Word document and the data files only lay this out:
/// none of them composes a sentence or formats a figure, so no format can say something another does not.
/// </summary>
public sealed record ReportOutline(
    string Title,
    string Kind,
    IReadOnlyList<string> TitleLines,
    string VersionLabel,
    IReadOnlyList<OutlineSection> Sections,
    IReadOnlyList<DataTable> DataTables)
{
    /// <summary>Every block in reading order, groups opened: what tests compare across formats.</summary>
    public IEnumerable<Block> Blocks() => Sections.SelectMany(s => Flatten(s.Blocks));

    private static IEnumerable<Block> Flatten(IEnumerable<Block> blocks) =>
        blocks.SelectMany(b => b is Group g ? Flatten(g.Blocks) : [b]);
}

/// <summary>A main section: a new page in print, a Heading 1 in Word, an h2 on the web page.</summary>
public sealed record OutlineSection(string Id, string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>The entries under it in the contents: its headings that can be linked to.</summary>
    public IReadOnlyList<Heading> Entries => Blocks.SelectMany(b => b is Group g ? g.Blocks : [b]).OfType<Heading>()
        .Where(h => h.Level == 3 && h.Anchor is not null).ToList();
}

public abstract record Block;

/// <summary>Level 3 or 4 within a section (the section's own title is level 2).</summary>
public sealed record Heading(int Level, string Text, string? Anchor = null) : Block;

public enum Tone { Body, Meta }

/// <summary>Words, some of them a link within the report (Word shows the words alone).</summary>
public sealed record Span(string Text, string? Href = null);

public sealed record Paragraph(IReadOnlyList<Span> Spans, Tone Tone = Tone.Body) : Block
{
    public Paragraph(string text, Tone tone = Tone.Body) : this([new Span(text)], tone) { }
    public string Text => string.Concat(Spans.Select(s => s.Text));
}

/// <summary>Staff's Markdown, made safe by <see cref="SafeMarkdown"/> in each format.</summary>
public sealed record Narrative(string Markdown) : Block;

/// <summary>A figure in large type with what it counts ("120" "people took part").</summary>
public sealed record KeyFigure(string Value, string Label)
{
    public string Text => $"{Value} {Label}";
}

public sealed record KeyFigures(IReadOnlyList<KeyFigure> Figures) : Block;

public sealed record ListBlock(IReadOnlyList<IReadOnlyList<Span>> Items, bool Ordered = false) : Block
{
    public IEnumerable<string> Texts => Items.Select(i => string.Concat(i.Select(s => s.Text)));
}

/// <summary>A table of figures already in words. Columns from <see cref="NumericFrom"/> on are right-aligned.</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int NumericFrom = 99, IReadOnlyList<string>? RowAnchors = null) : Block;

/// <summary>A chart; its figures are always in the table that follows it.</summary>
public sealed record ChartBlock(BarChart Chart, string Id) : Block;

public sealed record QuoteBlock(string Text, string? Attribution, string? Anchor = null) : Block;

public sealed record NotAvailable(string Why) : Block
{
    public string Text => $"Not available: {Why}.";
}

/// <summary>Blocks that belong together (a theme, a recommendation): a section or a box on the web page, nothing in Word.</summary>
public sealed record Group(string Kind, string? Anchor, IReadOnlyList<Block> Blocks) : Block;
