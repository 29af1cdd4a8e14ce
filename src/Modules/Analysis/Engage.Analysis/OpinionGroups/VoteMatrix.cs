namespace Engage.Analysis.OpinionGroups;

/// <summary>
/// Participants (rows, enough votes only) x contributions (columns), kept sparse: each row holds only
/// the votes its participant cast (+1, -1 or 0 for a pass), so "not voted" is absent, which is
/// different from a pass. A national workshop has tens of thousands of each and a few votes per
/// person: dense, the matrix would not fit in memory.
/// </summary>
internal sealed class VoteMatrix
{
    public required Guid[] Participants { get; init; }
    public required Guid[] Contributions { get; init; }
    /// <summary>Row r's votes are at RowStart[r] .. RowStart[r + 1] - 1 of <see cref="Columns"/> and <see cref="Votes"/>.</summary>
    public required int[] RowStart { get; init; }
    public required int[] Columns { get; init; }
    public required sbyte[] Votes { get; init; }
    public required Guid[] Excluded { get; init; }

    public int Rows => Participants.Length;
    public int ColumnCount => Contributions.Length;
    public int VotesCast(int row) => RowStart[row + 1] - RowStart[row];

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

        var start = new int[participants.Length + 1];
        for (var i = 0; i < participants.Length; i++) start[i + 1] = start[i] + counts[participants[i]];
        var columns = new int[start[^1]];
        var values = new sbyte[start[^1]];
        var filled = new int[participants.Length];
        // Columns in order within a row, so every sum runs in the same order whatever order votes came in.
        foreach (var ((p, c), vote) in latest.OrderBy(x => x.Key.C))
        {
            if (!row.TryGetValue(p, out var r)) continue;
            var at = start[r] + filled[r]++;
            columns[at] = column[c];
            values[at] = (sbyte)vote;
        }
        return new VoteMatrix { Participants = participants, Contributions = contributions, RowStart = start, Columns = columns, Votes = values, Excluded = excluded };
    }
}
