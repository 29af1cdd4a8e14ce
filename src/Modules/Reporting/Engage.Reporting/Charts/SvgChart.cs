using System.Globalization;
using System.Net;
using System.Text;

namespace Engage.Reporting.Charts;

/// <summary>Inline SVG: an image with a title for screen readers, colours that pass contrast on white.</summary>
public static class SvgChart
{
    public static string Render(BarChart chart, string id)
    {
        var svg = new StringBuilder();
        var w = BarChart.Width; var h = chart.Height;
        svg.Append($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title id=\"{id}-title\">{E(chart.AltText)}</title>");
        var barSpace = w - BarChart.LabelWidth - 90;
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = BarChart.Top + i * BarChart.RowHeight;
            svg.Append($"<text x=\"{BarChart.LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"13\" fill=\"#212b32\">{E(BarChart.Fit(bar.Label))}</text>");
            var length = bar.Value is { } v ? Math.Max(1, v / chart.Max * barSpace) : 0;
            if (bar.Value is not null)
                svg.Append($"<rect x=\"{BarChart.LabelWidth}\" y=\"{y + 4}\" width=\"{N(length)}\" height=\"{BarChart.RowHeight - 8}\" fill=\"#005eb8\"/>");
            svg.Append($"<text x=\"{N(BarChart.LabelWidth + length + 6)}\" y=\"{y + 17}\" font-size=\"13\" fill=\"{(bar.Value is null ? "#4c6272" : "#212b32")}\">{E(bar.Display)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
