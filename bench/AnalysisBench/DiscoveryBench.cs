using System.Diagnostics;
using System.Text.Json;
using Engage.Analysis.Discovery;

namespace AnalysisBench;

/// <summary>
/// Engage's theme discovery against plain TF-IDF + k-means (same tokeniser, in C#) and against
/// scikit-learn's TF-IDF + k-means, on a labelled short-text set. All three are scored by the
/// same code: NMI and accuracy under the best one-to-one matching of clusters to labels.
/// </summary>
internal static class DiscoveryBench
{
    public static int Run(string path, int seeds)
    {
        if (!File.Exists(path))
        {
            Console.WriteLine($"Data file not found: {path}. Give the path of an id,label,text CSV as the argument.");
            return 2;
        }
        var rows = LabelledTexts.Read(path);
        var truth = rows.Select(r => r.Label).ToArray();
        var k = truth.Distinct().Count();
        var items = rows.Select((r, i) => new TextItem(IdOf(i), r.Text)).ToList();
        Console.WriteLine($"{Path.GetFileName(path)}: {items.Count} texts, {k} labels; {Environment.ProcessorCount} cores; seeds 1..{seeds}");

        // JIT warm-up on a slice, so the timings below measure the algorithms (python's clock also starts after imports).
        ThemeDiscovery.Discover(items.Take(500).ToList(), new ThemeDiscoveryOptions { ThemeCount = 5 });
        TfidfKMeansBaseline.Cluster(items.Take(500).ToList(), 5, 1);

        Console.WriteLine();
        Console.WriteLine($"{"method",-44} {"themes",7} {"seconds",8} {"NMI",7} {"accuracy",9}");
        Report($"Engage (k-means + DMM, k = {k})", seeds, seed =>
        {
            var result = ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { ThemeCount = k, Seed = seed });
            return result.ThemeOf(items);
        }, truth);
        Report($"plain TF-IDF + k-means in C# (k = {k})", seeds, seed => TfidfKMeansBaseline.Cluster(items, k, seed), truth);
        Report("Engage (automatic number of themes)", seeds, seed =>
        {
            var result = ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { Seed = seed });
            return result.ThemeOf(items);
        }, truth);
        RunSklearn(path, k, truth);
        return 0;
    }

    private static Guid IdOf(int i)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(i).CopyTo(bytes, 0);
        return new Guid(bytes);
    }

    private static void Report(string name, int seeds, Func<int, int[]> run, int[] truth)
    {
        var times = new List<double>();
        var nmis = new List<double>();
        var accs = new List<double>();
        var themes = new List<int>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var sw = Stopwatch.StartNew();
            var labels = run(seed);
            sw.Stop();
            times.Add(sw.Elapsed.TotalSeconds);
            nmis.Add(Scoring.Nmi(truth, labels));
            accs.Add(Scoring.Accuracy(truth, labels));
            themes.Add(labels.Where(l => l >= 0).Distinct().Count());
        }
        Console.WriteLine($"{name,-44} {Fmt(themes.Select(t => (double)t), "0"),7} {Fmt(times, "0.00"),8} {Fmt(nmis, "0.000"),7} {Fmt(accs, "0.000"),9}");
        if (seeds > 1)
            Console.WriteLine($"{"",-44} {"",7} {"",8} ±{Sd(nmis):0.000} ±{Sd(accs):0.000}   (sd over {seeds} seeds; min NMI {nmis.Min():0.000}, min acc {accs.Min():0.000})");
    }

    private static string Fmt(IEnumerable<double> xs, string format) => xs.Average().ToString(format);

    private static double Sd(List<double> xs)
    {
        var m = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - m) * (x - m)) / Math.Max(1, xs.Count - 1));
    }

    private static void RunSklearn(string path, int k, int[] truth)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "sklearn_peer.py");
        var python = Environment.GetEnvironmentVariable("ENGAGE_PYTHON")
            ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        string output;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(python, [script, path, k.ToString(), "1"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            output = stdout.Result.Trim();
            if (process.ExitCode != 0 || output.Length == 0)
            {
                Console.WriteLine($"scikit-learn peer failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
                return;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("scikit-learn peer skipped: python3 is not installed.");
            return;
        }
        using var json = JsonDocument.Parse(output.Split('\n')[^1]);
        if (json.RootElement.TryGetProperty("error", out var error))
        {
            Console.WriteLine($"scikit-learn peer skipped: {error.GetString()}");
            return;
        }
        var seconds = json.RootElement.GetProperty("seconds").GetDouble();
        var labels = json.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Console.WriteLine($"{$"scikit-learn TF-IDF + KMeans (k = {k}, n_init 10)",-44} {labels.Distinct().Count(),7} {seconds,8:0.00} {Scoring.Nmi(truth, labels),7:0.000} {Scoring.Accuracy(truth, labels),9:0.000}");
    }
}
