using System.Text;
using Microsoft.AspNetCore.Http;

namespace Engage.Platform.Csv;

/// <summary>CSV for people to open in a spreadsheet: RFC 4180 quoting, a UTF-8 mark Excel needs, and no formulas.</summary>
public static class CsvText
{
    /// <summary>RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static IResult File(string csv, string fileName) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", fileName);
}
