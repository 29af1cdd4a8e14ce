using System.Xml;
using System.Xml.Linq;

namespace Engage.Analysis.Exchange;

/// <summary>
/// The REFI-QDA Codebook exchange file (.qdc): a code tree alone, for sharing a coding frame between Engage and
/// other QDA software without any data.
/// </summary>
public static class QdcFormat
{
    public const string Namespace = "urn:QDA-XML:codebook:1.0";

    /// <exception cref="ArgumentException">No codes (the schema needs at least one), a repeated id or a colour that is not #RRGGBB.</exception>
    public static void Write(IReadOnlyList<QdaCode> codes, Stream output)
    {
        if (codes.Count == 0)
            throw new ArgumentException("A REFI-QDA codebook must hold at least one code.", nameof(codes));
        if (ProjectRules.CodebookProblems(codes).FirstOrDefault() is { } problem)
            throw new ArgumentException(problem, nameof(codes));

        using var xml = XmlWriter.Create(output, CodebookXml.WriterSettings);
        xml.WriteStartDocument();
        xml.WriteStartElement("CodeBook", Namespace);
        xml.WriteAttributeString("origin", "Engage");
        CodebookXml.Write(xml, Namespace, codes, memosByCode: null);
        xml.WriteEndElement();
    }

    /// <summary>Sets of codes are not read: Engage has no place for them.</summary>
    /// <exception cref="ExchangeInputException">Not a REFI-QDA codebook, hostile XML, or codes that break the schema.</exception>
    public static IReadOnlyList<QdaCode> Read(Stream input, ExchangeLimits? limits = null)
    {
        limits ??= ExchangeLimits.Default;
        long read = 0;
        using var counted = new CountingStream(input, n =>
        {
            if ((read += n) > limits.MaxUncompressedBytes)
                throw new ExchangeInputException($"The codebook is larger than {RefiValues.Size(limits.MaxUncompressedBytes)}, the most Engage accepts.");
        }, leaveOpen: true);
        var document = SafeXml.Load(counted, "The codebook");
        var root = SafeXml.Root(document, XName.Get("CodeBook", Namespace), "The codebook", "codebook (.qdc)");
        var codes = CodebookXml.Read(root.Element(XName.Get("Codes", Namespace)), Namespace, limits.MaxCodeDepth);
        if (ProjectRules.CodebookProblems(codes).FirstOrDefault() is { } problem)
            throw new ExchangeInputException(problem);
        return codes;
    }
}
