using System.Diagnostics;
using Engage.Analysis.Suggestions;
using Engage.Platform.Csv;

namespace AnalysisBench;

/// <summary>
/// Engage's code suggester trained on a stratified share of human-coded items and scored on the rest:
/// top-1 accuracy, macro Cohen's kappa per code, the share of items whose top confidence is under 0.5
/// (the human review queue), and training and prediction time.
/// </summary>
internal static class SuggestionsBench
{
    /// <summary>Codes: every code the human gave. Main: the one code the data set names as the item's main one.</summary>
    private sealed record Coded(string Text, string Main, IReadOnlyCollection<string> Codes, float[]? Embedding = null);

    private static readonly double[] TrainingShares = [0.10, 0.25, 0.50];

    public static int Run(string nhsPath, string cyclingPath, int seeds, bool meaning = false)
    {
        foreach (var path in new[] { nhsPath, cyclingPath })
            if (!File.Exists(path))
            {
                Console.WriteLine($"Data file not found: {path}. Give the NHS comments and the cycling dialogues CSVs as arguments.");
                return 2;
            }
        var nhs = Read(nhsPath, "label", codesColumn: null);
        var cycling = Read(cyclingPath, "label", codesColumn: "level1_all");
        Console.WriteLine($"{Environment.ProcessorCount} cores; seeds 1..{seeds}");

        CodeSuggester.Train(nhs.Take(300).Select(c => new TrainingItem(c.Text, c.Codes)).ToList()).Suggest(nhs[0].Text);   // JIT warm-up
        Speed(nhs);
        Evaluate("NHS patient experience (single code per comment)", nhs, seeds);
        Evaluate("Cycling dialogues, level-1 codes (multi-label)", cycling, seeds);
        if (!meaning) return 0;

        // The same splits again, each item with its MiniLM embedding appended to its TF-IDF row.
        using var embedder = Engage.Embeddings.SentenceEmbedder.Load(Engage.Embeddings.EmbeddingModel.MiniLm);
        List<Coded> Embedded(List<Coded> data)
        {
            var clock = Stopwatch.StartNew();
            var vectors = new float[data.Count][];
            Parallel.For(0, 2, p =>
            {
                var mine = Enumerable.Range(0, data.Count).Where(i => i % 2 == p).ToList();
                var v = embedder.Embed(mine.Select(i => data[i].Text).ToList());
                for (var j = 0; j < mine.Count; j++) vectors[mine[j]] = v[j];
            });
            Console.WriteLine($"embedded {data.Count} texts in {clock.Elapsed.TotalSeconds:F1} s");
            return data.Select((c, i) => c with { Embedding = vectors[i] }).ToList();
        }
        Evaluate("NHS patient experience, TF-IDF + MiniLM embedding", Embedded(nhs), seeds);
        Evaluate("Cycling dialogues (German), TF-IDF + MiniLM embedding", Embedded(cycling), seeds);
        return 0;
    }

    private static List<Coded> Read(string path, string mainColumn, string? codesColumn)
    {
        var table = CsvTable.Read(File.ReadAllBytes(path));
        var (text, main) = (table.Columns("text")[0], table.Columns(mainColumn)[0]);
        var codes = codesColumn is null ? -1 : table.Columns(codesColumn)[0];
        return table.Rows.Select(r => new Coded(r.Fields[text], r.Fields[main],
            codes < 0 ? [r.Fields[main]] : r.Fields[codes].Split(';', StringSplitOptions.RemoveEmptyEntries))).ToList();
    }

    /// <summary>The targets: training on 5,000 items under 3 s, suggesting for 10,000 under 2 s.</summary>
    private static void Speed(List<Coded> data)
    {
        var training = data.Take(5000).Select(c => new TrainingItem(c.Text, c.Codes)).ToList();
        var clock = Stopwatch.StartNew();
        var suggester = CodeSuggester.Train(training);
        var train = clock.Elapsed.TotalSeconds;
        var texts = data.Select(c => c.Text).Concat(data.Select(c => c.Text)).Take(10_000).ToList();
        clock.Restart();
        foreach (var t in texts) suggester.Suggest(t, 0);
        Console.WriteLine($"speed: training on {training.Count} items {train:F2} s; suggesting for {texts.Count} items {clock.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine();
    }

    private static void Evaluate(string name, List<Coded> data, int seeds)
    {
        var codes = data.SelectMany(c => c.Codes).Distinct().Order(StringComparer.Ordinal).ToList();
        var majority = data.GroupBy(c => c.Main).Max(g => g.Count());
        Console.WriteLine($"{name}: {data.Count} items, {codes.Count} codes; most common main code alone: top-1 {(double)majority / data.Count:F3}");
        Console.WriteLine($"{"trained on",12} {"train s",8} {"suggest s",10} {"top-1",7} {"top-1 any",10} {"κ top-1",8} {"κ ≥ 0.5",8} {"conf < 0.5",11} {"top-1 if ≥ 0.5",15} {"mean conf",10}  unlearnt");
        foreach (var share in TrainingShares)
        {
            var runs = Enumerable.Range(1, seeds).Select(seed => Once(data, share, seed)).ToList();
            string Mean(Func<Result, double> f, string format) => runs.Count == 1
                ? runs.Average(f).ToString(format)
                : $"{runs.Average(f).ToString(format)}±{StandardDeviation(runs.Select(f)).ToString(format)}";
            var r = runs[0];
            Console.WriteLine($"{$"{share:P0} ({r.Trained})",12} {Mean(x => x.TrainSeconds, "F2"),8} {Mean(x => x.SuggestSeconds, "F2"),10} " +
                $"{Mean(x => x.Top1, "F3"),7} {Mean(x => x.Top1Any, "F3"),10} {Mean(x => x.KappaTop1, "F3"),8} {Mean(x => x.KappaHalf, "F3"),8} " +
                $"{Mean(x => x.BelowHalf, "F3"),11} {Mean(x => x.Top1Confident, "F3"),15} {Mean(x => x.MeanConfidence, "F3"),10}  {string.Join(", ", r.Unlearnt)}");
        }
        Console.WriteLine();
    }

    private sealed record Result(int Trained, double TrainSeconds, double SuggestSeconds, double Top1, double Top1Any,
        double KappaTop1, double KappaHalf, double BelowHalf, double Top1Confident, double MeanConfidence, IReadOnlyList<string> Unlearnt);

    private static Result Once(List<Coded> data, double share, int seed)
    {
        var (train, test) = StratifiedSplit(data, share, seed);
        var clock = Stopwatch.StartNew();
        var suggester = CodeSuggester.Train(train.Select(c => new TrainingItem(c.Text, c.Codes, c.Embedding)).ToList());
        var trainSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var suggestions = test.Select(c => suggester.Suggest(c.Text, 0, c.Embedding)).ToList();
        var suggestSeconds = clock.Elapsed.TotalSeconds;

        int top1 = 0, top1Any = 0, belowHalf = 0, confidentCorrect = 0;
        var confidence = 0.0;
        var byTop = new List<SuggestionDecision>();
        var byHalf = new List<SuggestionDecision>();
        for (var i = 0; i < test.Count; i++)
        {
            var top = suggestions[i].FirstOrDefault();
            if (top?.Code == test[i].Main) top1++;
            if (top is not null && test[i].Codes.Contains(top.Code)) top1Any++;
            if (top is null || top.Confidence < 0.5) belowHalf++;
            else if (top.Code == test[i].Main) confidentCorrect++;
            confidence += top?.Confidence ?? 0;
            foreach (var code in suggester.LearntCodes)
            {
                var human = test[i].Codes.Contains(code);
                var id = i.ToString();
                byTop.Add(new SuggestionDecision(id, code, top?.Code == code, human));
                byHalf.Add(new SuggestionDecision(id, code, suggestions[i].Any(s => s.Code == code && s.Confidence >= 0.5), human));
            }
        }
        return new Result(train.Count, trainSeconds, suggestSeconds, (double)top1 / test.Count, (double)top1Any / test.Count,
            SuggestionAudit.Assess(byTop).MacroKappa ?? double.NaN, SuggestionAudit.Assess(byHalf).MacroKappa ?? double.NaN,
            (double)belowHalf / test.Count, (double)confidentCorrect / (test.Count - belowHalf), confidence / test.Count, suggester.UnlearntCodes);
    }

    /// <summary>The same share of each main code in training, chosen by a seeded shuffle.</summary>
    private static (List<Coded> Train, List<Coded> Test) StratifiedSplit(List<Coded> data, double share, int seed)
    {
        var random = new Random(seed);
        var train = new List<Coded>();
        var test = new List<Coded>();
        foreach (var group in data.GroupBy(c => c.Main).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var shuffled = group.ToArray();
            random.Shuffle(shuffled);
            var take = (int)Math.Round(shuffled.Length * share);
            train.AddRange(shuffled.Take(take));
            test.AddRange(shuffled.Skip(take));
        }
        return (train, test);
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, list.Count - 1));
    }
}
