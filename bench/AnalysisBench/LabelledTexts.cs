using System.Text;

namespace AnalysisBench;

/// <summary>Reads an id,label,text CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes).</summary>
internal sealed record LabelledText(string Id, int Label, string Text);

internal static class LabelledTexts
{
    public static List<LabelledText> Read(string path)
    {
        var rows = ParseCsv(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0];
        int Col(string name) => Array.FindIndex(header, h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
        int id = Col("id"), label = Col("label"), text = Col("text");
        return rows.Skip(1).Where(r => r.Length > Math.Max(id, Math.Max(label, text)))
            .Select(r => new LabelledText(r[id], int.Parse(r[label]), r[text])).ToList();
    }

    public static List<string[]> ParseCsv(string content)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    rows.Add(fields.ToArray()); fields.Clear();
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); rows.Add(fields.ToArray()); }
        return rows;
    }
}
