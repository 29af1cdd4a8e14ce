using System.Text;

namespace Engage.Analysis.Pictures;

/// <summary>One theme's share of each day's contributors (null when that day had too few to show).</summary>
public sealed record PrevalenceLine(string Theme, int Colour, IReadOnlyList<(int People, double? Percent)> Days);

/// <summary>
/// Theme prevalence over the workshop's days: for each day, the share of that day's contributors whose items
/// that day raised the theme. A day with fewer contributors than the minimum group size is left as a gap.
/// </summary>
public static class Prevalence
{
    private const double Width = 640, Height = 320, Left = 48, Right = 150, Top = 16, Bottom = 48;

    public static string Draw(string id, IReadOnlyList<DateOnly> days, IReadOnlyList<int> contributors, IReadOnlyList<PrevalenceLine> lines)
    {
        var max = Math.Max(10, lines.SelectMany(l => l.Days).Select(d => d.Percent ?? 0).DefaultIfEmpty(0).Max());
        max = Math.Ceiling(max / 10) * 10;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int day) => Left + (days.Count <= 1 ? plotW / 2 : day * plotW / (days.Count - 1));
        double Y(double percent) => Top + plotH - percent / max * plotH;

        var description = $"{lines.Count} themes over {days.Count} days. " + string.Join("; ", lines.Select(l =>
            $"{l.Theme}: " + string.Join(", ", l.Days.Select((d, i) => $"{days[i]:d MMM} {(d.Percent is { } p ? Svg.N(Math.Round(p, 1)) + "%" : "not shown")}"))));
        var svg = Svg.Open(id, Width, Height, "Theme prevalence over the workshop's days", description);
        for (var tick = 0; tick <= 4; tick++)
        {
            var v = max * tick / 4;
            svg.Append($"<line x1=\"{Left}\" y1=\"{Svg.N(Y(v))}\" x2=\"{Svg.N(Left + plotW)}\" y2=\"{Svg.N(Y(v))}\" stroke=\"#E8EDEE\"/>")
                .Append($"<text x=\"{Left - 6}\" y=\"{Svg.N(Y(v) + 4)}\" text-anchor=\"end\" fill=\"#4C6272\">{Svg.N(v)}%</text>");
        }
        var every = Math.Max(1, (int)Math.Ceiling(days.Count / 8.0));
        for (var d = 0; d < days.Count; d += every)
            svg.Append($"<text x=\"{Svg.N(X(d))}\" y=\"{Svg.N(Top + plotH + 18)}\" text-anchor=\"middle\" fill=\"#4C6272\">{days[d]:d MMM}</text>");
        svg.Append($"<text x=\"{Svg.N(Left + plotW / 2)}\" y=\"{Svg.N(Height - 6)}\" text-anchor=\"middle\" fill=\"#4C6272\">Day (share of that day's contributors)</text>");

        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var colour = Svg.Palette[line.Colour % Svg.Palette.Length];
            var dash = (l % 3) switch { 0 => "", 1 => " stroke-dasharray=\"6 3\"", _ => " stroke-dasharray=\"2 3\"" };
            // A gap where a day is hidden: the line restarts after it.
            var path = new StringBuilder();
            var pen = false;
            for (var d = 0; d < line.Days.Count; d++)
            {
                if (line.Days[d].Percent is not { } p) { pen = false; continue; }
                path.Append(pen ? " L" : " M").Append($"{Svg.N(X(d))},{Svg.N(Y(p))}");
                pen = true;
            }
            svg.Append($"<g><title>{Svg.E(line.Theme)}</title><path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>");
            for (var d = 0; d < line.Days.Count; d++)
                if (line.Days[d].Percent is { } p)
                    svg.Append($"<circle cx=\"{Svg.N(X(d))}\" cy=\"{Svg.N(Y(p))}\" r=\"3.5\" fill=\"{colour}\"><title>{Svg.E($"{line.Theme}, {days[d]:d MMMM}: {Math.Round(p, 1)}% ({line.Days[d].People} of {contributors[d]} people)")}</title></circle>");
            svg.Append("</g>");
            var ly = Top + 14 + l * 18;
            svg.Append($"<line x1=\"{Svg.N(Width - Right + 10)}\" y1=\"{Svg.N(ly - 4)}\" x2=\"{Svg.N(Width - Right + 30)}\" y2=\"{Svg.N(ly - 4)}\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>")
                .Append($"<text x=\"{Svg.N(Width - Right + 34)}\" y=\"{Svg.N(ly)}\" fill=\"#212B32\"><title>{Svg.E(line.Theme)}</title>{Svg.E(Svg.Short(line.Theme, 16))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }
}
