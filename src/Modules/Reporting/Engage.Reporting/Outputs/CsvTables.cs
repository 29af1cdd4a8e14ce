using System.Globalization;
using System.Text;
using Engage.Platform.Csv;
using Engage.Reporting.Content;

namespace Engage.Reporting.Outputs;

/// <summary>One data table as RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel reads accents right.</summary>
public static class CsvTables
{
    public static byte[] Write(DataTable table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(c => CsvText.Cell(c))).Append("\r\n");
        foreach (var row in table.Rows)
            csv.AppendJoin(',', row.Select(v => v switch
            {
                null => "",
                int i => i.ToString(CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                _ => CsvText.Cell(v.ToString() ?? "")
            })).Append("\r\n");
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
