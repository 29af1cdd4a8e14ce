using System.Text;

namespace Engage.WorkshopLoad;

/// <summary>
/// What Analysis should end up holding after a Polis import, worked out from the export itself:
/// each voter's last vote per comment, on comments not rejected in the source (moderated != -1).
/// </summary>
public static class PolisExport
{
    public static (int Comments, int PublishedComments, int VotesOnPublished) Expected(string folder)
    {
        var comments = Rows(Path.Combine(folder, "comments.csv"));
        var header = comments[0];
        int idAt = Array.IndexOf(header, "comment-id"), moderatedAt = Array.IndexOf(header, "moderated");
        var published = comments.Skip(1).Where(r => r[moderatedAt].Trim() != "-1").Select(r => r[idAt].Trim()).ToHashSet();

        var votes = Rows(Path.Combine(folder, "votes.csv"));
        int commentAt = Array.IndexOf(votes[0], "comment-id"), voterAt = Array.IndexOf(votes[0], "voter-id");
        var pairs = votes.Skip(1).Select(r => (Comment: r[commentAt].Trim(), Voter: r[voterAt].Trim())).Distinct();
        return (comments.Count - 1, published.Count, pairs.Count(p => published.Contains(p.Comment)));
    }

    /// <summary>RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> Rows(string path)
    {
        var text = File.ReadAllText(path);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r')); field.Clear();
                rows.Add([.. row]); row.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
