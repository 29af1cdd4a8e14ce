using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Engage.Analysis.Exchange;

/// <summary>
/// The &lt;Codes&gt; tree, which the Codebook (.qdc) and Project (.qde) schemas share apart from their namespace and
/// the project's memo references.
/// </summary>
internal static class CodebookXml
{
    public static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        // Entitized, a carriage return in a memo or description survives the XML parser's line-end normalisation.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    public static void Write(XmlWriter xml, string ns, IReadOnlyList<QdaCode> codes, ILookup<Guid, Guid>? memosByCode)
    {
        xml.WriteStartElement("Codes", ns);
        foreach (var code in codes) WriteCode(xml, ns, code, memosByCode);
        xml.WriteEndElement();
    }

    static void WriteCode(XmlWriter xml, string ns, QdaCode code, ILookup<Guid, Guid>? memosByCode)
    {
        xml.WriteStartElement("Code", ns);
        xml.WriteAttributeString("guid", RefiValues.Guid(code.Id));
        xml.WriteAttributeString("name", RefiValues.XmlSafe(code.Name));
        xml.WriteAttributeString("isCodable", code.IsCodable ? "true" : "false");
        if (RefiValues.Colour(code.Colour) is { } colour) xml.WriteAttributeString("color", colour);
        if (!string.IsNullOrEmpty(code.Description))
            xml.WriteElementString("Description", ns, RefiValues.XmlSafe(code.Description));
        foreach (var memo in memosByCode?[code.Id] ?? [])
        {
            xml.WriteStartElement("NoteRef", ns);
            xml.WriteAttributeString("targetGUID", RefiValues.Guid(memo));
            xml.WriteEndElement();
        }
        foreach (var child in code.Children) WriteCode(xml, ns, child, memosByCode);
        xml.WriteEndElement();
    }

    public static IReadOnlyList<QdaCode> Read(XElement? codes, XNamespace ns, int maxDepth) =>
        codes?.Elements(ns + "Code").Select(c => ReadCode(c, ns, 1, maxDepth)).ToList() ?? [];

    static QdaCode ReadCode(XElement code, XNamespace ns, int depth, int maxDepth)
    {
        if (depth > maxDepth)
            throw new ExchangeInputException($"The codebook nests codes more than {maxDepth} levels deep; Engage reads at most {maxDepth}.");
        var id = code.RequiredGuid("guid");
        var name = (string?)code.Attribute("name")
            ?? throw new ExchangeInputException($"Code {id} has no name, which REFI-QDA requires.");
        return new QdaCode(id, name, code.Boolean("isCodable"), RefiValues.Colour((string?)code.Attribute("color")),
            (string?)code.Element(ns + "Description"),
            code.Elements(ns + "Code").Select(child => ReadCode(child, ns, depth + 1, maxDepth)).ToList());
    }
}
