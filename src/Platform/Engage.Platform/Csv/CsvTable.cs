using Engage.Platform.Web;
using System.Text;

namespace Engage.Platform.Csv;

/// <summary>A CSV file that cannot be read, with the 1-based line where reading stopped.</summary>
public sealed class CsvFormatException(int line, string problem) : Exception($"line {line}: {problem}")
{
    public int Line { get; } = line;
}

/// <summary>One record and the physical line it starts on, so errors can name the line people see in their editor.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader for files people upload: strict UTF-8, a header row, quoted fields with
/// doubled quotes and embedded line breaks, and every record as wide as the header. Uploads are
/// bounded by the caller, so the whole table is read into memory.
/// </summary>
public sealed class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<CsvRow> Rows { get; }

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows) => (Header, Rows) = (header, rows);

    /// <summary>The index of each named column; throws naming the first one missing.</summary>
    public int[] Columns(params string[] names) => names.Select(name =>
    {
        var index = Header.ToList().FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new CsvFormatException(1, $"the header has no '{name}' column (it has {string.Join(", ", Header)}).");
    }).ToArray();

    public static CsvTable Read(byte[] bytes) => Parse(Decode(bytes));

    private static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try { return StrictUtf8.GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException)
        {
            // Name the first line that does not decode on its own (a line break is never part of a multi-byte character).
            var (line, lineStart) = (1, start);
            for (var i = start; i <= bytes.Length; i++)
            {
                if (i < bytes.Length && bytes[i] != '\n') continue;
                try { StrictUtf8.GetString(bytes, lineStart, i - lineStart); }
                catch (DecoderFallbackException) { break; }
                (line, lineStart) = (line + 1, i + 1);
            }
            throw new CsvFormatException(line, "the file is not UTF-8 text.");
        }
    }

    public static CsvTable Parse(string text)
    {
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                if (c == '\n') line++;
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
            i++;
        }
        if (quoted) throw new CsvFormatException(recordLine, "a quoted field is never closed.");
        if (field.Length > 0 || fields.Count > 0) EndRecord();

        if (records.Count == 0) throw new CsvFormatException(1, "the file is empty; it needs a header row.");
        var header = records[0].Fields;
        foreach (var row in records.Skip(1))
            if (row.Fields.Count != header.Count)
                throw new CsvFormatException(row.Line, $"{row.Fields.Count} fields where the header has {header.Count}.");
        return new CsvTable(header, records.Skip(1).ToList());

        void EndRecord()
        {
            // Text that PostgreSQL cannot store (U+0000) or that no one wrote (terminal escapes) is refused like any bad line.
            if (ControlCharacters.Find(field.ToString()) is { } found) throw new CsvFormatException(recordLine, $"a field holds {found}.");
            fields.Add(field.ToString());
            field.Clear();
            // A blank line is not a record.
            if (!(fields.Count == 1 && fields[0].Length == 0)) records.Add(new CsvRow(recordLine, [.. fields]));
            fields = [];
        }
    }
}
