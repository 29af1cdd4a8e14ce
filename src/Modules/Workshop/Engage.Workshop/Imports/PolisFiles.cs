using System.Globalization;
using Engage.Platform.Csv;
using Engage.Platform.Web;

namespace Engage.Workshop.Imports;

public enum PolisModeration { Rejected = -1, Unmoderated = 0, Accepted = 1 }

public sealed record PolisComment(string Id, string AuthorId, DateTimeOffset PostedAt, PolisModeration Moderation, string Text);

public sealed record PolisVote(string CommentId, string VoterId, DateTimeOffset CastAt, string Value);

/// <summary>A past conversation read from the Polis open-data export: its comments and each voter's last vote per comment.</summary>
public sealed record PolisConversation(IReadOnlyList<PolisComment> Comments, IReadOnlyList<PolisVote> Votes)
{
    public IEnumerable<string> ParticipantIds => Comments.Select(c => c.AuthorId).Concat(Votes.Select(v => v.VoterId)).Distinct();
}

/// <summary>
/// Reads <c>comments.csv</c> and <c>votes.csv</c> as Polis exports them. Anything wrong is a
/// <see cref="RuleBroken"/> naming the file and line, raised before anything is stored.
/// </summary>
public static class PolisFiles
{
    public static PolisConversation Read(byte[] comments, byte[] votes)
    {
        var commentList = ReadComments(comments);
        var known = commentList.Select(c => c.Id).ToHashSet();
        return new PolisConversation(commentList, ReadVotes(votes, known));
    }

    private static List<PolisComment> ReadComments(byte[] bytes)
    {
        var table = Open("comments", bytes);
        var at = Columns("comments", table, "timestamp", "comment-id", "author-id", "moderated", "comment-body");
        var seen = new HashSet<string>();
        var comments = new List<PolisComment>();
        foreach (var row in table.Rows)
        {
            var id = Id("comments", row, at[1], "comment-id");
            Check(seen.Add(id), "comments", row, $"comment-id {id} appears twice.");
            var moderated = Integer("comments", row, at[3], "moderated");
            Check(moderated is -1 or 0 or 1, "comments", row, "'moderated' must be -1, 0 or 1.");
            var text = row.Fields[at[4]].Trim();
            Check(text.Length is > 0 and <= Contributions.PostContributionHandler.MaxLength, "comments", row,
                $"'comment-body' must hold between 1 and {Contributions.PostContributionHandler.MaxLength:N0} characters.");
            comments.Add(new PolisComment(id, Id("comments", row, at[2], "author-id"), Timestamp("comments", row, at[0]), (PolisModeration)moderated, text));
        }
        return comments;
    }

    private static List<PolisVote> ReadVotes(byte[] bytes, HashSet<string> comments)
    {
        var table = Open("votes", bytes);
        var at = Columns("votes", table, "timestamp", "comment-id", "voter-id", "vote");
        // The last vote per voter and comment counts; on equal timestamps, the later line.
        var last = new Dictionary<(string, string), PolisVote>();
        foreach (var row in table.Rows)
        {
            var commentId = Id("votes", row, at[1], "comment-id");
            Check(comments.Contains(commentId), "votes", row, $"comment-id {commentId} is not in comments.csv.");
            var value = Integer("votes", row, at[3], "vote") switch
            {
                1 => "agree",
                -1 => "disagree",
                0 => "pass",
                _ => throw Broken("votes", row, "'vote' must be 1 (agree), -1 (disagree) or 0 (pass).")
            };
            var vote = new PolisVote(commentId, Id("votes", row, at[2], "voter-id"), Timestamp("votes", row, at[0]), value);
            var key = (vote.CommentId, vote.VoterId);
            if (!last.TryGetValue(key, out var earlier) || earlier.CastAt <= vote.CastAt) last[key] = vote;
        }
        return [.. last.Values];
    }

    private static CsvTable Open(string file, byte[] bytes)
    {
        try { return CsvTable.Read(bytes); }
        catch (CsvFormatException e) { throw new RuleBroken(400, $"{file}.csv {e.Message}"); }
    }

    private static int[] Columns(string file, CsvTable table, params string[] names)
    {
        try { return table.Columns(names); }
        catch (CsvFormatException e) { throw new RuleBroken(400, $"{file}.csv {e.Message}"); }
    }

    private static string Id(string file, CsvRow row, int column, string name)
    {
        var value = row.Fields[column].Trim();
        Check(value.Length is > 0 and <= 64 && value.All(char.IsAsciiLetterOrDigit), file, row, $"'{name}' must be an id (letters and digits), not \"{Shorten(value)}\".");
        return value;
    }

    private static int Integer(string file, CsvRow row, int column, string name) =>
        int.TryParse(row.Fields[column].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value : throw Broken(file, row, $"'{name}' must be a whole number, not \"{Shorten(row.Fields[column])}\".");

    /// <summary>Polis timestamps are milliseconds since 1970.</summary>
    private static DateTimeOffset Timestamp(string file, CsvRow row, int column) =>
        long.TryParse(row.Fields[column].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw Broken(file, row, $"'timestamp' must be milliseconds since 1970, not \"{Shorten(row.Fields[column])}\".");

    private static void Check(bool condition, string file, CsvRow row, string problem)
    {
        if (!condition) throw Broken(file, row, problem);
    }

    private static RuleBroken Broken(string file, CsvRow row, string problem) => new(400, $"{file}.csv line {row.Line}: {problem}");

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
