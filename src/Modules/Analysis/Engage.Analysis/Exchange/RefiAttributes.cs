using System.Xml.Linq;

namespace Engage.Analysis.Exchange;

/// <summary>Reads typed REFI-QDA attributes from uploaded XML, refusing values the schema does not allow.</summary>
internal static class RefiAttributes
{
    public static Guid RequiredGuid(this XElement element, string attribute) =>
        element.OptionalGuid(attribute)
        ?? throw new ExchangeInputException($"A <{element.Name.LocalName}> element has no {attribute} attribute, which REFI-QDA requires.");

    public static Guid? OptionalGuid(this XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute);
        if (value is null) return null;
        return RefiValues.TryParseGuid(value, out var id) ? id : throw new ExchangeInputException(
            $"A <{element.Name.LocalName}> element has {attribute}=\"{Shorten(value)}\", which is not a GUID.");
    }

    public static DateTimeOffset? OptionalDateTime(this XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute);
        if (value is null) return null;
        return RefiValues.TryParseDateTime(value, out var at) ? at : throw new ExchangeInputException(
            $"A <{element.Name.LocalName}> element has {attribute}=\"{Shorten(value)}\", which is not a date and time (xsd:dateTime).");
    }

    public static int RequiredInteger(this XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute);
        return int.TryParse(value?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ExchangeInputException(
                $"A <{element.Name.LocalName}> element has {attribute}=\"{Shorten(value ?? "")}\", where a whole number is required.");
    }

    /// <summary>xsd:boolean; the attribute is required by the schema, but a missing one is read as the schema's common case, true.</summary>
    public static bool Boolean(this XElement element, string attribute) =>
        ((string?)element.Attribute(attribute))?.Trim() switch
        {
            null or "true" or "1" => true,
            "false" or "0" => false,
            var other => throw new ExchangeInputException(
                $"A <{element.Name.LocalName}> element has {attribute}=\"{Shorten(other)}\", which is neither true nor false."),
        };

    /// <summary>Keeps messages readable when a hostile file puts megabytes into one attribute.</summary>
    static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
