using System.Globalization;
using System.Text;

namespace Engage.WorkshopLoad;

/// <summary>
/// Writes a Polis export (comments.csv, votes.csv, as pol.is exports them) larger than any real one at
/// hand: the largest in ../shared/data/polis holds 33,463 votes, a national conversation hundreds of
/// thousands. Votes are exactly <c>votes</c> distinct (comment, voter) pairs, plus one line in twenty
/// that is an earlier vote the voter later changed, so the import's keep-the-last-vote rule is exercised.
/// One comment in ten is rejected in the source. Fixed seed: the same arguments give the same files.
/// </summary>
public static class PolisGenerator
{
    public static string Write(int votes, int participants, int comments, string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(225_000);
        var start = new DateTimeOffset(2021, 6, 1, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var csv = new StringBuilder("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
        for (var c = 0; c < comments; c++)
        {
            var moderated = c % 10 == 9 ? -1 : c % 3 == 0 ? 0 : 1;
            csv.Append(CultureInfo.InvariantCulture, $"{start + c * 60_000L},x,{c},{random.Next(participants)},0,0,{moderated},\"")
                .Append(Texts.Contribution(random).Replace("\"", "\"\"")).Append("\"\n");
        }
        File.WriteAllText(Path.Combine(folder, "comments.csv"), csv.ToString());

        // Each voter votes on a random set of comments, spread so the pairs add up to exactly `votes`.
        if (votes > (long)participants * comments) throw new ArgumentException("more votes than (comment, voter) pairs");
        var lines = new StringBuilder("timestamp,datetime,comment-id,voter-id,vote\n");
        var written = 0;
        for (var voter = 0; voter < participants; voter++)
        {
            var share = (int)((long)votes * (voter + 1) / participants) - written;
            var order = Enumerable.Range(0, comments).OrderBy(_ => random.Next()).Take(share);
            foreach (var comment in order)
            {
                var at = start + comment * 60_000L + random.Next(1, 86_400_000);
                if (random.Next(20) == 0) lines.Append(CultureInfo.InvariantCulture, $"{at - 1000},x,{comment},{voter},{random.Next(-1, 2)}\n");
                lines.Append(CultureInfo.InvariantCulture, $"{at},x,{comment},{voter},{random.Next(-1, 2)}\n");
            }
            written += share;
        }
        File.WriteAllText(Path.Combine(folder, "votes.csv"), lines.ToString());
        return folder;
    }
}
