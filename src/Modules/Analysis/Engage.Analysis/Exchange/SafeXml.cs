using System.Xml;
using System.Xml.Linq;

namespace Engage.Analysis.Exchange;

/// <summary>Parses uploaded XML with DTDs forbidden and no resolver, so no entity can expand or fetch anything.</summary>
internal static class SafeXml
{
    public static XDocument Load(Stream input, string fileName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(input, settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new ExchangeInputException(
                $"{fileName} contains a DTD (<!DOCTYPE ...>). Engage refuses DTDs because their entities can expand " +
                "without bound or read other files; REFI-QDA files never need one. Export the file again or remove the DOCTYPE.");
        }
        catch (XmlException e)
        {
            throw new ExchangeInputException($"{fileName} is not well-formed XML: {e.Message}");
        }
    }

    /// <summary>Refuses a document whose root is not <paramref name="root"/> in the REFI-QDA namespace it should be in.</summary>
    public static XElement Root(XDocument document, XName root, string fileName, string kind)
    {
        var actual = document.Root!;
        if (actual.Name == root) return actual;
        var ns = actual.Name.NamespaceName.Length == 0 ? "no namespace" : $"namespace '{actual.Name.NamespaceName}'";
        throw new ExchangeInputException(
            $"{fileName} is not a REFI-QDA {kind}: its root element is <{actual.Name.LocalName}> in {ns}, " +
            $"where <{root.LocalName}> in namespace '{root.NamespaceName}' is expected.");
    }
}
