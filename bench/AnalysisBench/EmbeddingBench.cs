using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Engage.Analysis.Discovery;
using Engage.Embeddings;
using Engage.Methods.Clustering;
using Engage.Methods.Vectors;
using Engage.Platform.Csv;

namespace AnalysisBench;

/// <summary>
/// Theme discovery by meaning (sentence embeddings + k-means) against today's lexical method and
/// scikit-learn on the labelled sets; the served models compared; speed, batching and memory; and the
/// scale targets (20,000 from cold, re-clustering 100,000, nearest neighbours at 100,000).
/// </summary>
internal static class EmbeddingBench
{
    private sealed record Set(string Name, string Path, string LabelColumn);

    private static readonly Set[] Sets =
    [
        new("StackOverflow", "shorttext/stackoverflow/stackoverflow.csv", "label"),
        new("SearchSnippets", "shorttext/searchsnippets/searchsnippets.csv", "label"),
        new("AG News", "shorttext/agnews8000/agnews8000.csv", "label"),
        new("Tweet", "shorttext/tweet/tweet.csv", "label"),
        new("NHS comments", "coded/nhs_patient_experience/nhs_phase1_trusts_singlelabel.csv", "label"),
    ];

    /// <summary>Quality on every set with one model: k given and k chosen, beside the lexical method and scikit-learn.</summary>
    public static int Quality(Func<string, string> data, string modelName, int sample)
    {
        var model = EmbeddingModel.Named(modelName) ?? throw new ArgumentException($"unknown model {modelName}");
        Uptime();
        var clock = Stopwatch.StartNew();
        using var embedder = SentenceEmbedder.Load(model);
        Console.WriteLine($"{model.Name}: loaded in {clock.Elapsed.TotalSeconds:0.00} s, {embedder.Dimensions} dimensions; samples of up to {sample:N0} per set (seed 1)");
        Console.WriteLine($"| set | n | true k | lexical (Engage, k given) | scikit-learn TF-IDF + KMeans | {model.Name} + k-means (Engage, k given) | scikit-learn KMeans on the same vectors | {model.Name}, k chosen: NMI (k) | embed texts/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var set in Sets)
        {
            var path = data(set.Path);
            if (!File.Exists(path)) { Console.WriteLine($"| {set.Name} | missing {path} | | | | | | | |"); continue; }
            var (texts, truth) = Sample(Read(path, set.LabelColumn), sample);
            var k = truth.Distinct().Count();
            var items = texts.Select((t, i) => new TextItem(IdOf(i), t)).ToList();

            clock.Restart();
            var vectors = embedder.Embed(texts, 16);
            var rate = texts.Count / clock.Elapsed.TotalSeconds;

            var lexical = Score(truth, ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { ThemeCount = k, Seed = 1 }).ThemeOf(items));
            var meaning = Score(truth, MeaningThemeDiscovery.Discover(items, vectors, new ThemeDiscoveryOptions { ThemeCount = k, Seed = 1 }).ThemeOf(items));
            var auto = MeaningThemeDiscovery.Discover(items, vectors, new ThemeDiscoveryOptions { Seed = 1 });
            var autoScore = Score(truth, auto.ThemeOf(items));
            var sklearnText = SklearnText(texts, truth, k);
            var sklearnVectors = SklearnVectors(vectors, k);
            Console.WriteLine($"| {set.Name} | {texts.Count:N0} | {k} | {lexical} | {Fmt(truth, sklearnText)} | {meaning} | {Fmt(truth, sklearnVectors)} | {autoScore} ({auto.Themes.Count}) | {rate:0} |");
        }
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:0} MB; embedded {embedder.TextsEmbedded:N0} texts");
        Uptime();
        return 0;
    }

    /// <summary>Load time, one-sentence latency, throughput by batch size, and memory with the model loaded.</summary>
    public static int Speed(Func<string, string> data, string modelName)
    {
        var model = EmbeddingModel.Named(modelName) ?? throw new ArgumentException($"unknown model {modelName}");
        Uptime();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        using var embedder = SentenceEmbedder.Load(model);
        var load = clock.Elapsed.TotalSeconds;
        var texts = Read(data(Sets[0].Path), "label").Select(r => r.Text).Take(1_000).ToList();
        embedder.Embed(texts.Take(20).ToList());
        var single = new List<double>();
        foreach (var t in texts.Take(100)) { clock.Restart(); embedder.Embed(t); single.Add(clock.Elapsed.TotalMilliseconds); }
        single.Sort();
        Console.WriteLine($"{model.Name} ({model.Licence}): load {load:0.00} s; one sentence median {single[50]:0.0} ms, p95 {single[94]:0.0} ms");
        foreach (var batch in new[] { 1, 8, 16, 32, 64 })
        {
            clock.Restart();
            embedder.Embed(texts, batch);
            Console.WriteLine($"  batch {batch,2}: {texts.Count / clock.Elapsed.TotalSeconds:0} texts/s (1 ONNX thread, 1,000 StackOverflow titles)");
        }
        clock.Restart();
        Parallel.For(0, 2, p => embedder.Embed(texts.Where((_, i) => i % 2 == p).ToList(), 16));
        Console.WriteLine($"  batch 16, two batches in parallel: {texts.Count / clock.Elapsed.TotalSeconds:0} texts/s");
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"  working set before load {before / 1048576.0:0} MB, now {process.WorkingSet64 / 1048576.0:0} MB, peak {process.PeakWorkingSet64 / 1048576.0:0} MB");
        Uptime();
        return 0;
    }

    /// <summary>The scale targets: 20,000 texts embedded and clustered from cold; 100,000 re-clustered; neighbours at 100,000.</summary>
    public static int Scale(Func<string, string> data)
    {
        Uptime();
        var cold = Stopwatch.StartNew();
        using var embedder = SentenceEmbedder.Load(EmbeddingModel.MiniLm);
        var rows = Read(data(Sets[0].Path), "label");
        var texts = rows.Select(r => r.Text).Take(20_000).ToList();
        var truth = rows.Take(20_000).Select(r => int.Parse(r.Label)).ToArray();
        var vectors = new float[texts.Count][];
        // Two sessions' worth of work on two cores: halves in parallel, each one ONNX thread.
        Parallel.For(0, 2, p =>
        {
            var mine = Enumerable.Range(0, texts.Count).Where(i => i % 2 == p).ToList();
            var out_ = embedder.Embed(mine.Select(i => texts[i]).ToList(), 16);
            for (var j = 0; j < mine.Count; j++) vectors[mine[j]] = out_[j];
        });
        var embedded = cold.Elapsed.TotalSeconds;
        var items = texts.Select((t, i) => new TextItem(IdOf(i), t)).ToList();
        var given = MeaningThemeDiscovery.Discover(items, vectors, new ThemeDiscoveryOptions { ThemeCount = 20, Seed = 1 });
        var afterGiven = cold.Elapsed.TotalSeconds;
        var auto = MeaningThemeDiscovery.Discover(items, vectors, new ThemeDiscoveryOptions { Seed = 1 });
        var afterAuto = cold.Elapsed.TotalSeconds;
        Console.WriteLine($"20,000 StackOverflow titles from cold (process start to themes): embedded {embedded:0.0} s ({texts.Count / embedded:0} texts/s), "
                          + $"+ k = 20 themes {afterGiven - embedded:0.0} s (NMI {Scoring.Nmi(truth, given.ThemeOf(items)):0.000}), "
                          + $"+ k chosen {afterAuto - afterGiven:0.0} s (k = {auto.Themes.Count}, NMI {Scoring.Nmi(truth, auto.ThemeOf(items)):0.000}); peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");

        // 100,000: the 20,000 real vectors five times, each copy nudged by small seeded noise and renormalised.
        var random = new Random(1);
        var big = new VectorSet(100_000, embedder.Dimensions);
        for (var i = 0; i < big.Count; i++)
        {
            var row = big.Row(i);
            vectors[i % vectors.Length].CopyTo(row);
            for (var d = 0; d < row.Length; d++) row[d] += (float)(random.NextDouble() - 0.5) * 0.02f;
            VectorMath.Normalize(row);
        }
        var clock = Stopwatch.StartNew();
        var partition = KMeans.Run(big, 20, 1, restarts: 4);
        var recluster = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var choice = ClusterCount.Choose(big, 2, 40, 1);
        var chosen = KMeans.Run(big, choice.K, 1, restarts: 4);
        var reclusterAuto = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"re-clustering 100,000 embedded: k = 20 in {recluster:0.0} s (cohesion {partition.Cohesion / big.Count:0.000}); k chosen ({choice.K}) + clustering {reclusterAuto:0.0} s");

        var latencies = new List<double>();
        for (var q = 0; q < 500; q++)
        {
            clock.Restart();
            var query = embedder.Embed(texts[(q * 37) % texts.Count]);
            NearestNeighbours.Find(big, query, 5, 0.5f);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        latencies.Sort();
        Console.WriteLine($"similar contributions at 100,000 (embed the typed text + exact search, 500 queries): median {latencies[250]:0.0} ms, p95 {latencies[474]:0.0} ms, max {latencies[^1]:0.0} ms");
        Uptime();
        return 0;
    }

    /// <summary>The cosine of every pair of the given texts under each model: how thresholds for "similar" and "duplicate" were chosen.</summary>
    public static int Similarity(string[] texts)
    {
        foreach (var model in new[] { EmbeddingModel.MiniLm, EmbeddingModel.ArcticXs })
        {
            using var embedder = SentenceEmbedder.Load(model);
            var v = embedder.Embed(texts);
            Console.WriteLine(model.Name);
            for (var i = 0; i < texts.Length; i++)
                for (var j = i + 1; j < texts.Length; j++)
                    Console.WriteLine($"  {VectorMath.Dot(v[i], v[j]):0.000}  \"{texts[i]}\" ~ \"{texts[j]}\"");
        }
        return 0;
    }

    private static string Score(int[] truth, int[] labels) => $"{Scoring.Nmi(truth, labels):0.000} / {Scoring.Accuracy(truth, labels):0.000}";

    private static string Fmt(int[] truth, int[]? labels) => labels is null ? "n/a" : Score(truth, labels);

    private static List<(string Text, string Label)> Read(string path, string labelColumn)
    {
        var table = CsvTable.Read(File.ReadAllBytes(path));
        var (text, label) = (table.Columns("text")[0], table.Columns(labelColumn)[0]);
        return table.Rows.Select(r => (r.Fields[text], r.Fields[label])).ToList();
    }

    /// <summary>A seeded stratified sample (every label keeps its share), so each set costs the same to embed.</summary>
    private static (List<string> Texts, int[] Truth) Sample(List<(string Text, string Label)> rows, int size)
    {
        var random = new Random(1);
        var chosen = rows.Count <= size
            ? rows
            : rows.GroupBy(r => r.Label).SelectMany(g => g.OrderBy(_ => random.Next()).Take((int)Math.Round(g.Count() * (double)size / rows.Count))).ToList();
        var labels = chosen.Select(r => r.Label).Distinct().OrderBy(l => l, StringComparer.Ordinal).Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        return (chosen.Select(r => r.Text).ToList(), chosen.Select(r => labels[r.Label]).ToArray());
    }

    private static int[]? SklearnText(List<string> texts, int[] truth, int k)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"engage-bench-{Environment.ProcessId}.csv");
        var sb = new StringBuilder("id,label,text\n");
        for (var i = 0; i < texts.Count; i++) sb.Append(i).Append(',').Append(truth[i]).Append(",\"").Append(texts[i].Replace("\"", "\"\"")).Append("\"\n");
        File.WriteAllText(csv, sb.ToString());
        try { return Peer("sklearn_peer.py", [csv, k.ToString(), "1"]); }
        finally { File.Delete(csv); }
    }

    private static int[]? SklearnVectors(float[][] vectors, int k)
    {
        var file = Path.Combine(Path.GetTempPath(), $"engage-bench-{Environment.ProcessId}.f32");
        using (var stream = File.Create(file))
            foreach (var v in vectors) stream.Write(VectorMath.ToBytes(v));
        try { return Peer("sklearn_embedding_peer.py", [file, vectors[0].Length.ToString(), k.ToString(), "1"]); }
        finally { File.Delete(file); }
    }

    private static int[]? Peer(string script, string[] args)
    {
        var python = Environment.GetEnvironmentVariable("ENGAGE_PYTHON") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        try
        {
            using var process = Process.Start(new ProcessStartInfo(python, [Path.Combine(AppContext.BaseDirectory, script), .. args])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var output = stdout.Result.Trim();
            if (process.ExitCode != 0 || output.Length == 0) { Console.Error.WriteLine($"{script} failed: {stderr.Result.Trim()}"); return null; }
            using var json = JsonDocument.Parse(output.Split('\n')[^1]);
            if (json.RootElement.TryGetProperty("error", out var error)) { Console.Error.WriteLine(error.GetString()); return null; }
            return json.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    private static Guid IdOf(int i)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(i).CopyTo(bytes, 0);
        return new Guid(bytes);
    }

    private static void Uptime()
    {
        try { Console.WriteLine($"uptime: {File.ReadAllText("/proc/loadavg").Trim()} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)"); }
        catch (IOException) { }
    }
}
