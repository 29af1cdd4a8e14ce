using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Engage.Reporting.Content;

namespace Engage.Reporting.Outputs;

/// <summary>
/// The data tables as one Excel workbook, a sheet per table, numbers as numbers. Written with the
/// streaming OpenXmlWriter: the evidence sheet has a row per contribution behind each theme.
/// </summary>
public static class ExcelTables
{
    public static void Write(IReadOnlyList<DataTable> tables, Stream output)
    {
        using var workbook = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = workbook.AddWorkbookPart();
        var styles = book.AddNewPart<WorkbookStylesPart>();
        // Style 1: bold, for the header row.
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
        var sheets = new Sheets();
        uint id = 1;
        foreach (var table in tables)
        {
            var part = book.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                // The header row stays in view while scrolling.
                writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, table.Columns.Cast<object?>().ToArray(), header: true);
                foreach (var row in table.Rows) WriteRow(writer, row, header: false);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = SheetName(table.Name) });
        }
        book.Workbook = new Workbook(sheets);
        book.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] cells, bool header)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            var cell = value switch
            {
                null => new Cell(),
                int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) },
                double d when double.IsFinite(d) => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(value.ToString()))) }
            };
            if (header) cell.StyleIndex = 1;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    /// <summary>A cell holds at most 32,767 characters, and no XML control characters.</summary>
    private static string Clean(string? text)
    {
        var s = new string((text ?? "").Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray());
        return s.Length > 32_767 ? s[..32_767] : s;
    }

    private static string SheetName(string name) => name.Length <= 31 ? name : name[..31];
}
