namespace Engage.Analysis.OpinionGroups;

/// <summary>
/// Participants (rows, enough votes only) x contributions (columns). Values: +1, -1, 0, or NaN
/// for "not voted", which is different from a pass.
/// </summary>
internal sealed class VoteMatrix
{
    public required Guid[] Participants { get; init; }
    public required Guid[] Contributions { get; init; }
    public required double[] Values { get; init; }   // row-major, Participants.Length x Contributions.Length
    public required int[] VotesCast { get; init; }
    public required Guid[] Excluded { get; init; }

    public int Rows => Participants.Length;
    public int Columns => Contributions.Length;
    public double this[int r, int c] => Values[r * Contributions.Length + c];

    public static VoteMatrix Build(IReadOnlyList<ParticipantVote> votes, int minVotes)
    {
        var latest = new Dictionary<(Guid P, Guid C), int>();
        foreach (var v in votes) latest[(v.ParticipantId, v.ContributionId)] = Math.Sign(v.Vote);

        // Sorted ids give the same matrix whatever order the votes arrived in.
        var contributions = latest.Keys.Select(k => k.C).Distinct().Order().ToArray();
        var counts = new Dictionary<Guid, int>();
        foreach (var key in latest.Keys) counts[key.P] = counts.GetValueOrDefault(key.P) + 1;
        var bar = Math.Max(1, Math.Min(minVotes, contributions.Length));
        var participants = counts.Where(p => p.Value >= bar).Select(p => p.Key).Order().ToArray();
        var excluded = counts.Where(p => p.Value < bar).Select(p => p.Key).Order().ToArray();

        var row = new Dictionary<Guid, int>(participants.Length);
        for (var i = 0; i < participants.Length; i++) row[participants[i]] = i;
        var column = new Dictionary<Guid, int>(contributions.Length);
        for (var j = 0; j < contributions.Length; j++) column[contributions[j]] = j;

        var values = new double[participants.Length * contributions.Length];
        Array.Fill(values, double.NaN);
        var cast = new int[participants.Length];
        foreach (var ((p, c), vote) in latest)
        {
            if (!row.TryGetValue(p, out var r)) continue;
            values[r * contributions.Length + column[c]] = vote;
            cast[r]++;
        }
        return new VoteMatrix { Participants = participants, Contributions = contributions, Values = values, VotesCast = cast, Excluded = excluded };
    }
}
