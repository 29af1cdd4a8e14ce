using System.Diagnostics;
using Engage.Analysis.Reliability;

// How long the reliability engine takes on a workshop-sized coding exercise:
// 100,000 codings (3 coders, 33,334 units, 10 codes), alpha per code and overall, plus disagreements.
const int Codings = 100_000, Coders = 3, Codes = 10, Repetitions = 9;
const int Seed = 20260513;

var codings = Generate(new Random(Seed));
var matrix = IntervalRatings(new Random(Seed));

Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores");
Console.WriteLine($"{codings.Count:N0} codings, {Coders} coders, {codings.Select(c => c.UnitId).Distinct().Count():N0} units, {Codes} codes; seed {Seed}");

var report = CodingReliability.Assess(codings); // warm-up, and figures to show the work is real
Console.WriteLine($"overall alpha {report.OverallAlpha.Alpha:F4}, percent agreement {report.OverallPercentAgreement:F4}, " +
                  $"{report.Disagreements.Count():N0} disagreements to resolve");
foreach (var code in report.Codes)
    Console.WriteLine($"  {code.Code}: alpha {code.Alpha.Alpha:F4} over {code.Alpha.PairableUnits:N0} units, {code.Disagreements.Count:N0} disagreements");

Time("per-code + overall alpha, percent agreement, disagreements (CodingReliability.Assess)", () => CodingReliability.Assess(codings));
Time($"interval alpha, {Coders} coders x {matrix[0].Count:N0} units, 5 values (KrippendorffAlpha.Compute)",
    () => KrippendorffAlpha.Compute(matrix, LevelOfMeasurement.Interval));

static void Time(string what, Func<object> run)
{
    run();
    var times = new List<double>();
    for (var i = 0; i < Repetitions; i++)
    {
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(run());
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{what}: median {times[Repetitions / 2]:F1} ms (min {times[0]:F1}, max {times[^1]:F1}; {Repetitions} runs)");
}

// Each coder applies one code per unit; coders follow a unit's "true" code 80% of the time.
static List<Coding> Generate(Random random)
{
    var codings = new List<Coding>(Codings);
    var truth = 0;
    for (var i = 0; i < Codings; i++)
    {
        var (unit, coder) = (i / Coders, i % Coders);
        if (coder == 0) truth = random.Next(Codes);
        var code = random.NextDouble() < 0.8 ? truth : random.Next(Codes);
        codings.Add(new Coding($"contribution-{unit}", $"coder-{coder}", $"code-{code}"));
    }
    return codings;
}

// Ratings on a 1-5 scale with 10% missing, to time the general algorithm directly.
static IReadOnlyList<IReadOnlyList<double?>> IntervalRatings(Random random)
{
    var units = (Codings + Coders - 1) / Coders;
    var truth = Enumerable.Range(0, units).Select(_ => random.Next(1, 6)).ToArray();
    return Enumerable.Range(0, Coders)
        .Select(_ => (IReadOnlyList<double?>)truth
            .Select(t => random.NextDouble() < 0.1 ? null : (double?)Math.Clamp(t + random.Next(-1, 2), 1, 5))
            .ToArray())
        .ToList();
}
