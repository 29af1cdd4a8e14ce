using System.Diagnostics;
using Engage.Analysis.Sentiment;
using Engage.Platform.Csv;

namespace AnalysisBench;

/// <summary>
/// Engage's sentiment scorer against the NHS comments' human-rated criticality (−4..4): Spearman's rho
/// between score and criticality, three-class accuracy against sign(criticality), and speed.
/// </summary>
internal static class SentimentBench
{
    private sealed record Rated(string Text, int Criticality, string Question);

    public static int Run(string path)
    {
        if (!File.Exists(path))
        {
            Console.WriteLine($"Data file not found: {path}. Give the path of the NHS id,label,text,subcategory,criticality,question CSV.");
            return 2;
        }
        var table = CsvTable.Read(File.ReadAllBytes(path));
        var (text, criticality, question) = table.Columns("text", "criticality", "question") switch { var c => (c[0], c[1], c[2]) };
        var rated = new List<Rated>();
        foreach (var row in table.Rows)
            if (int.TryParse(row.Fields[criticality], out var value) && value is >= -4 and <= 4)
                rated.Add(new Rated(row.Fields[text], value, row.Fields[question]));
        Console.WriteLine($"{Path.GetFileName(path)}: {table.Rows.Count} comments, {rated.Count} with a criticality in -4..4; {Environment.ProcessorCount} cores");

        var texts = rated.Select(r => r.Text).ToArray();
        foreach (var t in texts.Take(500)) SentimentScorer.Score(t);   // JIT warm-up
        var twice = texts.Concat(texts).ToArray();
        var clock = Stopwatch.StartNew();
        var scores = twice.Select(SentimentScorer.Score).ToArray();
        clock.Stop();
        Console.WriteLine($"scored {twice.Length} texts in {clock.Elapsed.TotalMilliseconds:F0} ms ({twice.Length / clock.Elapsed.TotalSeconds:N0} texts/s)");
        Console.WriteLine();

        var scored = rated.Zip(scores, (r, s) => (Rated: r, Score: s)).ToList();
        Report("all rated comments", scored);
        // In Trust B's "what could be improved" answers, 0 is given to most comments whatever their tone
        // (2,563 of 3,307), so it reads as "not rated" rather than "neutral".
        Report("without Trust B - Q1", scored.Where(x => x.Rated.Question != "Trust B - Q1").ToList());
        Report("criticality not 0", scored.Where(x => x.Rated.Criticality != 0).ToList());
        return 0;
    }

    private static void Report(string name, List<(Rated Rated, SentimentScore Score)> scored)
    {
        var subset = scored.Select(x => x.Rated).ToList();
        var scores = scored.Select(x => x.Score).ToArray();
        var rho = Spearman(scores.Select(s => s.Value).ToArray(), subset.Select(r => (double)r.Criticality).ToArray());

        var confusion = new int[3, 3];   // human (sign of criticality) by machine label
        for (var i = 0; i < subset.Count; i++) confusion[Math.Sign(subset[i].Criticality) + 1, (int)scores[i].Label]++;
        var correct = confusion[0, 0] + confusion[1, 1] + confusion[2, 2];
        var majority = Enumerable.Range(0, 3).Max(h => confusion[h, 0] + confusion[h, 1] + confusion[h, 2]);

        Console.WriteLine($"{name}: {subset.Count} comments");
        Console.WriteLine($"  Spearman rho (score, criticality): {rho:F3}");
        Console.WriteLine($"  three-class accuracy: {(double)correct / subset.Count:F3} (majority class alone: {(double)majority / subset.Count:F3})");
        Console.WriteLine($"  {"human \\ Engage",-16} {"negative",9} {"neutral",9} {"positive",9}");
        string[] names = ["negative", "neutral", "positive"];
        for (var h = 0; h < 3; h++)
            Console.WriteLine($"  {names[h],-16} {confusion[h, 0],9} {confusion[h, 1],9} {confusion[h, 2],9}");
        Console.WriteLine();
    }

    private static double Spearman(double[] a, double[] b)
    {
        var (ra, rb) = (Ranks(a), Ranks(b));
        double ma = ra.Average(), mb = rb.Average(), cov = 0, va = 0, vb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return cov / Math.Sqrt(va * vb);
    }

    /// <summary>Ranks from 1, ties sharing their average rank.</summary>
    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            for (var k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0 + 1;
            start = end + 1;
        }
        return ranks;
    }
}
