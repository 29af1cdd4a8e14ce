using SkiaSharp;

namespace Engage.Reporting.Charts;

/// <summary>The same chart as a PNG, for Word (which cannot be relied on to show SVG), drawn at twice the size for print.</summary>
public static class PngChart
{
    private const float Scale = 2f;
    private static readonly SKTypeface Face = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;

    public static byte[] Render(BarChart chart)
    {
        var info = new SKImageInfo((int)(BarChart.Width * Scale), (int)(chart.Height * Scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        using var font = new SKFont(Face, 12);
        using var ink = new SKPaint { Color = new SKColor(0x21, 0x2b, 0x32), IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x4c, 0x62, 0x72), IsAntialias = true };
        using var blue = new SKPaint { Color = new SKColor(0x00, 0x5e, 0xb8), IsAntialias = true };
        var barSpace = BarChart.Width - BarChart.LabelWidth - 90;
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = BarChart.Top + i * BarChart.RowHeight;
            var label = BarChart.Fit(bar.Label);
            canvas.DrawText(label, BarChart.LabelWidth - 8, y + 17, SKTextAlign.Right, font, ink);
            var length = bar.Value is { } v ? (float)Math.Max(1, v / chart.Max * barSpace) : 0f;
            if (bar.Value is not null) canvas.DrawRect(BarChart.LabelWidth, y + 4, length, BarChart.RowHeight - 8, blue);
            canvas.DrawText(bar.Display, BarChart.LabelWidth + length + 6, y + 17, SKTextAlign.Left, font, bar.Value is null ? grey : ink);
        }
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        // Light compression: flat colours compress well anyway, and the default level costs most of the time.
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 1));
        return png.ToArray();
    }
}
