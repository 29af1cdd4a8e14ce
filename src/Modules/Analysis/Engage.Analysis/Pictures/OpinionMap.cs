using System.Text;

namespace Engage.Analysis.Pictures;

public sealed record MapPoint(double X, double Y);

public sealed record MapGroup(int Id, string Name, IReadOnlyList<MapPoint> People);

/// <summary>A statement placed on the map where the people who agreed with it sit (the mean of their positions).</summary>
public sealed record MapStatement(string Label, MapPoint At, int Agreed);

/// <summary>
/// The opinion map, as Polis draws it: each placed person a dot at their first two principal components,
/// each group in its own colour and shape and outlined by the hull around its people. Groups smaller than
/// the minimum group size are not drawn, so no one can be picked out.
/// </summary>
public static class OpinionMap
{
    private const double Width = 560, Height = 400, Pad = 36;

    public static string Draw(string id, IReadOnlyList<MapGroup> groups, MinimumGroup minimum, MapStatement? statement)
    {
        var shown = groups.Where(g => !minimum.Hides(g.People.Count)).ToList();
        var all = shown.SelectMany(g => g.People).Concat(statement is null ? [] : [statement.At]).ToList();
        var (minX, maxX) = all.Count > 0 ? (all.Min(p => p.X), all.Max(p => p.X)) : (-1, 1);
        var (minY, maxY) = all.Count > 0 ? (all.Min(p => p.Y), all.Max(p => p.Y)) : (-1, 1);
        var spanX = Math.Max(maxX - minX, 1e-9);
        var spanY = Math.Max(maxY - minY, 1e-9);
        double Sx(double x) => Pad + (x - minX) / spanX * (Width - 2 * Pad);
        // Screen y grows downwards; the map's second component grows upwards.
        double Sy(double y) => Height - Pad - (y - minY) / spanY * (Height - 2 * Pad);

        var description = $"{shown.Count} groups drawn: " + string.Join("; ", shown.Select(g => $"{g.Name}, {g.People.Count} people"))
            + (groups.Count > shown.Count ? $". {groups.Count - shown.Count} smaller groups are not drawn." : ".")
            + (statement is null ? "" : $" The statement is placed where the {statement.Agreed} people who agreed with it sit.");
        var svg = Svg.Open(id, Width, Height, "Opinion map: people placed by how they voted", description);
        svg.Append($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#FFFFFF\" stroke=\"#D8DDE0\"/>");
        svg.Append($"<line x1=\"{Pad}\" y1=\"{Svg.N(Height / 2)}\" x2=\"{Svg.N(Width - Pad)}\" y2=\"{Svg.N(Height / 2)}\" stroke=\"#E8EDEE\"/>")
            .Append($"<line x1=\"{Svg.N(Width / 2)}\" y1=\"{Pad}\" x2=\"{Svg.N(Width / 2)}\" y2=\"{Svg.N(Height - Pad)}\" stroke=\"#E8EDEE\"/>");
        foreach (var g in shown)
        {
            var colour = Svg.Palette[g.Id % Svg.Palette.Length];
            var hull = Hull(g.People.Select(p => new MapPoint(Sx(p.X), Sy(p.Y))).ToList());
            svg.Append($"<g><title>{Svg.E($"{g.Name}: {g.People.Count} people")}</title>");
            if (hull.Count >= 3)
                svg.Append($"<polygon points=\"{string.Join(" ", hull.Select(p => $"{Svg.N(p.X)},{Svg.N(p.Y)}"))}\" fill=\"{colour}\" fill-opacity=\"0.08\" stroke=\"{colour}\" stroke-width=\"2\" stroke-linejoin=\"round\"/>");
            foreach (var p in g.People) svg.Append(Marker(g.Id, Sx(p.X), Sy(p.Y), colour));
            var (cx, cy) = (g.People.Average(p => Sx(p.X)), g.People.Average(p => Sy(p.Y)));
            svg.Append($"<text x=\"{Svg.N(cx)}\" y=\"{Svg.N(cy - 8)}\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"14\" fill=\"#212B32\" stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\">{Svg.E(g.Name)}</text></g>");
        }
        if (statement is not null)
        {
            var (x, y) = (Sx(statement.At.X), Sy(statement.At.Y));
            svg.Append($"<g><title>{Svg.E($"{statement.Label}: where the {statement.Agreed} people who agreed sit")}</title>")
                .Append($"<path d=\"M{Svg.N(x)},{Svg.N(y - 10)} L{Svg.N(x + 10)},{Svg.N(y)} L{Svg.N(x)},{Svg.N(y + 10)} L{Svg.N(x - 10)},{Svg.N(y)} Z\" fill=\"#FFEB3B\" stroke=\"#212B32\" stroke-width=\"2\"/>")
                .Append($"<text x=\"{Svg.N(x + 14)}\" y=\"{Svg.N(y + 4)}\" font-weight=\"bold\" fill=\"#212B32\" stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\">{Svg.E(Svg.Short(statement.Label, 40))}</text></g>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A different shape per group, so the groups differ for people who cannot tell the colours apart.</summary>
    private static string Marker(int group, double x, double y, string colour) => (group % 4) switch
    {
        0 => $"<circle cx=\"{Svg.N(x)}\" cy=\"{Svg.N(y)}\" r=\"3.5\" fill=\"{colour}\" fill-opacity=\"0.7\"/>",
        1 => $"<rect x=\"{Svg.N(x - 3)}\" y=\"{Svg.N(y - 3)}\" width=\"6\" height=\"6\" fill=\"{colour}\" fill-opacity=\"0.7\"/>",
        2 => $"<path d=\"M{Svg.N(x)},{Svg.N(y - 4)} L{Svg.N(x + 4)},{Svg.N(y + 3)} L{Svg.N(x - 4)},{Svg.N(y + 3)} Z\" fill=\"{colour}\" fill-opacity=\"0.7\"/>",
        _ => $"<path d=\"M{Svg.N(x - 3)},{Svg.N(y - 3)} L{Svg.N(x + 3)},{Svg.N(y + 3)} M{Svg.N(x + 3)},{Svg.N(y - 3)} L{Svg.N(x - 3)},{Svg.N(y + 3)}\" stroke=\"{colour}\" stroke-width=\"2\"/>"
    };

    /// <summary>The convex hull (Andrew's monotone chain), counter-clockwise.</summary>
    public static IReadOnlyList<MapPoint> Hull(IReadOnlyList<MapPoint> points)
    {
        var p = points.Distinct().OrderBy(q => q.X).ThenBy(q => q.Y).ToList();
        if (p.Count < 3) return p;
        static double Cross(MapPoint o, MapPoint a, MapPoint b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        var hull = new List<MapPoint>();
        foreach (var pass in new[] { p, Enumerable.Reverse(p).ToList() })
        {
            var start = hull.Count;
            foreach (var q in pass)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], q) <= 0) hull.RemoveAt(hull.Count - 1);
                hull.Add(q);
            }
            hull.RemoveAt(hull.Count - 1);
        }
        return hull;
    }
}
