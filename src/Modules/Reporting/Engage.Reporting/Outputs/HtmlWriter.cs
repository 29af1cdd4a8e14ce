using System.Net;
using System.Text;

namespace Engage.Reporting.Outputs;

/// <summary>A StringBuilder that encodes every text it is given; markup is only ever written as literals.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder html = new(64 * 1024);

    public HtmlWriter Raw(string markup) { html.Append(markup); return this; }
    public HtmlWriter Text(string? text) { html.Append(WebUtility.HtmlEncode(text ?? "")); return this; }
    public HtmlWriter Element(string tag, string? text, string? attributes = null)
    {
        html.Append('<').Append(tag);
        if (attributes is not null) html.Append(' ').Append(attributes);
        html.Append('>').Append(WebUtility.HtmlEncode(text ?? "")).Append("</").Append(tag).Append('>');
        return this;
    }

    public static string Attr(string? value) => WebUtility.HtmlEncode(value ?? "");

    public override string ToString() => html.ToString();
}
