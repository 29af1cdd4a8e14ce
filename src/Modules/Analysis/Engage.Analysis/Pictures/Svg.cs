using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Engage.Analysis.Pictures;

/// <summary>
/// Small helpers for the server-drawn pictures. Every picture is an SVG image with a title and a description,
/// focusable so a keyboard reaches it, with a hover title on each mark; its numbers are also in the table beside it.
/// </summary>
public static class Svg
{
    public static readonly string[] Palette = ["#005EB8", "#DA291C", "#007F3B", "#ED8B00", "#7C2855", "#00A499", "#330072", "#8A1538"];

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string E(string text) => HtmlEncoder.Default.Encode(text);

    public static string Short(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    public static StringBuilder Open(string id, double width, double height, string title, string description)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture__svg\" id=\"{id}\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" ")
            .Append($"role=\"img\" tabindex=\"0\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"Frutiger W01, Arial, sans-serif\" font-size=\"12\">")
            .Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        return svg;
    }

    /// <summary>A colour between a pale grey-blue (0) and NHS blue (1).</summary>
    public static string Blue(double t)
    {
        t = Math.Clamp(t, 0, 1);
        int Mix(int from, int to) => (int)Math.Round(from + (to - from) * t);
        return $"#{Mix(0xF0, 0x00):X2}{Mix(0xF4, 0x30):X2}{Mix(0xF5, 0x87):X2}";
    }

    /// <summary>Text on a cell: white on the darker half of the scale, so it keeps its contrast.</summary>
    public static string InkOn(double t) => t > 0.5 ? "#FFFFFF" : "#212B32";
}
