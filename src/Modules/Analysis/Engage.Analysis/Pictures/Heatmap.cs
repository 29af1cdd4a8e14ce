using System.Text;

namespace Engage.Analysis.Pictures;

/// <summary>One cell: its shade (0..1, null when hidden), the words on it and in its hover title.</summary>
public sealed record HeatCell(double? Shade, string Label, string Title);

/// <summary>A row of a heatmap; <see cref="Marked"/> draws a marker (and says why in the description).</summary>
public sealed record HeatRow(string Name, IReadOnlyList<HeatCell> Cells, bool Marked = false);

/// <summary>
/// A heatmap that fits the page: its cells shrink with the number of columns (the SVG scales to its
/// container), column names are slanted, and hidden cells are hatched grey instead of coloured.
/// </summary>
public static class Heatmap
{
    public const double MaxWidth = 720;

    public static string Draw(string id, string title, string description, IReadOnlyList<string> columns, IReadOnlyList<HeatRow> rows, string? markNote = null)
    {
        const double labelWidth = 170, top = 110;
        var cell = Math.Clamp((MaxWidth - labelWidth - 20) / Math.Max(1, columns.Count), 22, 64);
        var rowHeight = Math.Clamp(cell * 0.6, 20, 30);
        // Wide enough for the footnote even with two or three columns.
        var width = Math.Max(labelWidth + cell * columns.Count + 20, markNote is null ? 0 : 480);
        var height = top + rowHeight * rows.Count + (markNote is null ? 10 : 30);
        var svg = Svg.Open(id, width, height, title, description + (markNote is null ? "" : " " + markNote));
        svg.Append($"<defs><pattern id=\"{id}-hidden\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append("<rect width=\"6\" height=\"6\" fill=\"#E8EDEE\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#AEB7BD\" stroke-width=\"2\"/></pattern></defs>");
        for (var c = 0; c < columns.Count; c++)
        {
            var x = labelWidth + c * cell + cell / 2;
            svg.Append($"<text x=\"{Svg.N(x)}\" y=\"{Svg.N(top - 6)}\" transform=\"rotate(-40 {Svg.N(x)} {Svg.N(top - 6)})\" fill=\"#212B32\">")
                .Append($"<title>{Svg.E(columns[c])}</title>{Svg.E(Svg.Short(columns[c], 20))}</text>");
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var y = top + r * rowHeight;
            svg.Append($"<text x=\"{Svg.N(labelWidth - 8)}\" y=\"{Svg.N(y + rowHeight / 2 + 4)}\" text-anchor=\"end\" fill=\"#212B32\"{(row.Marked ? " font-weight=\"bold\"" : "")}>")
                .Append($"<title>{Svg.E(row.Name)}</title>{Svg.E(Svg.Short(row.Name, 24))}{(row.Marked ? " *" : "")}</text>");
            for (var c = 0; c < row.Cells.Count && c < columns.Count; c++)
            {
                var cellAt = row.Cells[c];
                var x = labelWidth + c * cell;
                var fill = cellAt.Shade is { } t ? Svg.Blue(t) : $"url(#{id}-hidden)";
                svg.Append($"<g><title>{Svg.E(cellAt.Title)}</title><rect x=\"{Svg.N(x + 1)}\" y=\"{Svg.N(y + 1)}\" width=\"{Svg.N(cell - 2)}\" height=\"{Svg.N(rowHeight - 2)}\" fill=\"{fill}\"/>");
                if (cell >= 30 && cellAt.Label.Length > 0)
                    svg.Append($"<text x=\"{Svg.N(x + cell / 2)}\" y=\"{Svg.N(y + rowHeight / 2 + 4)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{Svg.InkOn(cellAt.Shade ?? 0)}\">{Svg.E(cellAt.Label)}</text>");
                svg.Append("</g>");
            }
        }
        if (markNote is not null)
            svg.Append($"<text x=\"4\" y=\"{Svg.N(height - 8)}\" fill=\"#4C6272\">{Svg.E("* " + markNote)}</text>");
        return svg.Append("</svg>").ToString();
    }
}
