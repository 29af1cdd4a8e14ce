using AnalysisBench;

// Benchmarks for the Analysis module's engines. See README.md beside this file.
var mode = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
var seeds = 1;
var seedFlag = Array.IndexOf(rest, "--seeds");
if (seedFlag >= 0 && seedFlag + 1 < rest.Length)
{
    seeds = int.Parse(rest[seedFlag + 1]);
    rest = rest.Where((_, i) => i != seedFlag && i != seedFlag + 1).ToArray();
}

var meaning = rest.Contains("--meaning");
rest = rest.Where(a => a != "--meaning").ToArray();

const string NhsComments = "coded/nhs_patient_experience/nhs_phase1_trusts_singlelabel.csv";
return mode switch
{
    "discovery" => DiscoveryBench.Run(rest.Length > 0 ? rest[0] : DataPath("shorttext/stackoverflow/stackoverflow.csv"), seeds),
    "opinion-groups" => OpinionGroupsBench.Run(rest.Length > 0 ? rest[0] : null),
    "sentiment" => SentimentBench.Run(rest.Length > 0 ? rest[0] : DataPath(NhsComments)),
    "suggestions" => SuggestionsBench.Run(
        rest.Length > 0 ? rest[0] : DataPath(NhsComments),
        rest.Length > 1 ? rest[1] : DataPath("coded/cycling_dialogues_de/cycling_dialogues.csv"), seeds, meaning),
    "embeddings" => EmbeddingBench.Quality(DataPath, rest.Length > 0 ? rest[0] : "MiniLM", rest.Length > 1 ? int.Parse(rest[1]) : 5_000),
    "embedding-speed" => EmbeddingBench.Speed(DataPath, rest.Length > 0 ? rest[0] : "MiniLM"),
    "embedding-scale" => EmbeddingBench.Scale(DataPath),
    "similarity" => EmbeddingBench.Similarity(rest),
    "snapshot" => SnapshotBench.Run(rest.Length > 0 ? int.Parse(rest[0]) : 100_000),
    "coding" when rest.Length >= 3 => await CodingBench.Run(rest[0], rest[1], rest[2], rest.Length > 3 ? int.Parse(rest[3]) : 10_000, rest.Length > 4 ? int.Parse(rest[4]) : 200),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: AnalysisBench discovery [path/to/labelled.csv] [--seeds N]");
    Console.WriteLine("       AnalysisBench opinion-groups [path/to/polis/votes.csv]");
    Console.WriteLine("       AnalysisBench sentiment [path/to/nhs_comments.csv]");
    Console.WriteLine("       AnalysisBench embeddings [MiniLM|ArcticXs [sample, default 5000]]");
    Console.WriteLine("       AnalysisBench embedding-speed [MiniLM|ArcticXs]");
    Console.WriteLine("       AnalysisBench embedding-scale");
    Console.WriteLine("       AnalysisBench similarity \"text one\" \"text two\" ...   (cosine of every pair, MiniLM and ArcticXs)");
    Console.WriteLine("       AnalysisBench snapshot [items, default 100000]");
    Console.WriteLine("       AnalysisBench coding <engage url> <admin email> <password> [items, default 10000] [applies, default 200]");
    Console.WriteLine("       AnalysisBench suggestions [path/to/nhs_comments.csv [path/to/cycling_dialogues.csv]] [--seeds N]");
    return 1;
}

// Data lives outside the repository: ENGAGE_DATA, else ../shared/data beside the repository root.
static string DataPath(string relative)
{
    var root = Environment.GetEnvironmentVariable("ENGAGE_DATA");
    if (root is null)
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Engage.sln"))) dir = dir.Parent;
        root = Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "..", "shared", "data");
    }
    return Path.GetFullPath(Path.Combine(root, relative));
}
