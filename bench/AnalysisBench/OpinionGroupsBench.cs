using System.Diagnostics;
using Engage.Analysis.OpinionGroups;

namespace AnalysisBench;

/// <summary>
/// Times opinion grouping on a seeded synthetic 2,000 x 900 vote matrix with planted camps, and
/// optionally on a real Polis votes.csv (timestamp, datetime, comment-id, voter-id, vote), where
/// the groups are compared with the ones Polis itself assigned (participants-votes.csv beside it).
/// </summary>
internal static class OpinionGroupsBench
{
    public static int Run(string? votesPath)
    {
        // JIT warm-up on a small matrix, so the timing measures the algorithm.
        OpinionGroupFinder.Find(Synthetic(100, 50, 3, 0.6, 99).Votes);

        var (votes, camp) = Synthetic(2000, 900, 3, 0.6, 42);
        Console.WriteLine($"synthetic: 2000 participants x 900 contributions, 3 planted camps, 60% not voted: {votes.Count:N0} votes");
        var sw = Stopwatch.StartNew();
        var result = OpinionGroupFinder.Find(votes);
        sw.Stop();
        Describe(result, sw.Elapsed.TotalSeconds);
        var truth = new List<int>();
        var found = new List<int>();
        foreach (var g in result.Groups)
            foreach (var p in g.Participants) { truth.Add(camp[p.Id]); found.Add(g.Id); }
        Console.WriteLine($"  agreement with planted camps: NMI {Scoring.Nmi(truth.ToArray(), found.ToArray()):0.000}, accuracy {Scoring.Accuracy(truth.ToArray(), found.ToArray()):0.000}");

        if (votesPath is not null) RunPolis(votesPath);
        return 0;
    }

    private static void Describe(OpinionGroupsResult result, double seconds)
    {
        Console.WriteLine($"  {seconds:0.00} s; {result.Groups.Count} groups (sizes {string.Join(", ", result.Groups.Select(g => g.Participants.Count))}), " +
                          $"silhouette {result.Silhouette:0.000}; {result.Excluded.Count} excluded for too few votes");
        Console.WriteLine($"  representative per group: {string.Join(", ", result.Groups.Select(g => g.Representative.Count(r => r.Significant)))}; " +
                          $"consensus {result.Consensus.Count}; divisive {result.Divisive.Count}");
    }

    /// <summary>
    /// Camps hold opposite views on some statements; every participant also agrees with a few
    /// shared ones. Each cell is missing with the given probability; votes follow the camp's
    /// leaning with noise, with some passes.
    /// </summary>
    internal static (List<ParticipantVote> Votes, Dictionary<Guid, int> Camp) Synthetic(int participants, int contributions, int camps, double missing, int seed)
    {
        var random = new Random(seed);
        var stance = new double[camps, contributions];
        for (var c = 0; c < contributions; c++)
        {
            var shared = random.NextDouble() < 0.1;
            var common = random.NextDouble() * 2 - 1;
            for (var k = 0; k < camps; k++)
                stance[k, c] = shared ? 0.8 : Math.Clamp(0.4 * common + (random.NextDouble() * 2 - 1), -1, 1);
        }
        var contributionIds = Enumerable.Range(0, contributions).Select(i => Id(1, i)).ToArray();
        var votes = new List<ParticipantVote>();
        var camp = new Dictionary<Guid, int>();
        for (var p = 0; p < participants; p++)
        {
            var id = Id(2, p);
            var k = p % camps;
            camp[id] = k;
            for (var c = 0; c < contributions; c++)
            {
                if (random.NextDouble() < missing) continue;
                var u = random.NextDouble();
                var pass = 0.15;
                var agree = (1 - pass) * (1 + stance[k, c]) / 2;
                votes.Add(new ParticipantVote(id, contributionIds[c], u < agree ? 1 : u < agree + pass ? 0 : -1));
            }
        }
        return (votes, camp);
    }

    private static Guid Id(int kind, int i)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(i).CopyTo(bytes, 0);
        bytes[15] = (byte)kind;
        return new Guid(bytes);
    }

    private static void RunPolis(string path)
    {
        if (!File.Exists(path))
        {
            Console.WriteLine($"Polis votes file not found: {path}");
            return;
        }
        var rows = LabelledTexts.ParseCsv(File.ReadAllText(path)).Skip(1).Where(r => r.Length >= 5)
            .Select(r => (Time: long.Parse(r[0]), Comment: int.Parse(r[2]), Voter: int.Parse(r[3]), Vote: int.Parse(r[4])))
            .OrderBy(r => r.Time)   // the last vote on a pair counts
            .ToList();
        var votes = rows.Select(r => new ParticipantVote(Id(2, r.Voter), Id(1, r.Comment), r.Vote)).ToList();
        Console.WriteLine();
        Console.WriteLine($"{Path.GetFileName(Path.GetDirectoryName(path))}: {votes.Count:N0} votes, {rows.Select(r => r.Voter).Distinct().Count()} participants, {rows.Select(r => r.Comment).Distinct().Count()} statements");
        var sw = Stopwatch.StartNew();
        var result = OpinionGroupFinder.Find(votes);
        sw.Stop();
        Describe(result, sw.Elapsed.TotalSeconds);

        var polisGroups = Path.Combine(Path.GetDirectoryName(path)!, "participants-votes.csv");
        if (!File.Exists(polisGroups)) return;
        var assigned = LabelledTexts.ParseCsv(File.ReadAllText(polisGroups)).Skip(1)
            .Where(r => r.Length > 1 && r[1].Length > 0)
            .ToDictionary(r => Id(2, int.Parse(r[0])), r => int.Parse(r[1]));
        var truth = new List<int>();
        var found = new List<int>();
        foreach (var g in result.Groups)
            foreach (var p in g.Participants)
                if (assigned.TryGetValue(p.Id, out var polis)) { truth.Add(polis); found.Add(g.Id); }
        if (truth.Count > 0)
            Console.WriteLine($"  agreement with the groups Polis assigned ({truth.Count} participants in both, Polis: {truth.Distinct().Count()} groups): " +
                              $"NMI {Scoring.Nmi(truth.ToArray(), found.ToArray()):0.000}, accuracy {Scoring.Accuracy(truth.ToArray(), found.ToArray()):0.000}");
    }
}
