using System.Diagnostics;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Analysis.Publishing;

namespace AnalysisBench;

/// <summary>
/// Freezing a national-scale analysis: the findings Engage publishes (themes, breakdowns by every
/// attribute, sentiment, opinion groups, quotes, recommendations with evidence) computed from a corpus
/// of <c>items</c> contributions held in memory, as the publish handler holds it after reading it.
/// The corpus is synthetic (seeded): what is measured is the computation, not the reading.
/// </summary>
public static class SnapshotBench
{
    private static readonly string[] Professions = ["Nurse", "Paramedic", "Pharmacist", "Physiotherapist", "Midwife", "Occupational therapist"];
    private static readonly string[] Regions = ["London", "North West", "North East", "Midlands", "South West", "South East", "East of England"];
    private static readonly string[] Roles = ["Advanced practitioner", "Trainee", "Manager", "Educator"];
    private static readonly string[] Words =
        ["supervision", "protected", "time", "pay", "band", "training", "funding", "regulation", "scope", "practice", "support", "employer",
         "workload", "career", "framework", "assessment", "portfolio", "mentor", "good", "poor", "helpful", "unclear", "excellent", "worried"];

    public static int Run(int items)
    {
        var facts = Build(items, new Random(7));
        Console.WriteLine($"corpus: {facts.Items.Count:N0} items, {facts.Participants.Count:N0} people, {facts.Codings.Count:N0} codings, {facts.Votes.Count:N0} votes, {facts.Codebook.Codes.Count} codes");
        // The two heaviest parts alone, to see where the time goes.
        var parts = Stopwatch.StartNew();
        var partFacts = Copy(facts);
        var opinion = OpinionFindingsBuilder.Find(partFacts);
        var opinionTime = parts.Elapsed.TotalSeconds;
        ThemeFindings.Build(partFacts, opinion);
        Console.WriteLine($"parts: opinion groups {opinionTime:F2} s, theme findings {parts.Elapsed.TotalSeconds - opinionTime:F2} s");
        var publication = new PublishedAnalysis { Id = Guid.NewGuid(), CorpusId = facts.Corpus.Id, Title = "Bench" };
        for (var run = 1; run <= 3; run++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            // A fresh copy each run: the facts cache lookups, which a real publication builds from scratch.
            var snapshot = AnalysisSnapshot.Take(Copy(facts), publication, null, DateTimeOffset.UtcNow);
            watch.Stop();
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0;
            Console.WriteLine($"run {run}: {watch.Elapsed.TotalSeconds:F2} s, {allocated:N0} MB allocated, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB; " +
                              $"{snapshot.Themes.Count} themes, {snapshot.OpinionGroups?.Groups.Count ?? 0} opinion groups, {snapshot.Recommendations.Count} recommendations");
        }
        return 0;
    }

    private static CorpusFacts Copy(CorpusFacts f) => new()
    {
        Corpus = f.Corpus, Workshop = f.Workshop, Closure = f.Closure, Settings = f.Settings, Codebook = f.Codebook, Items = f.Items,
        Participants = f.Participants, Votes = f.Votes, Codings = f.Codings, Marks = f.Marks, Quotes = f.Quotes, Recommendations = f.Recommendations
    };

    /// <summary>One person per five contributions; 10 top-level codes with two subcodes each; 60% of items coded; 20 votes per person.</summary>
    private static CorpusFacts Build(int itemCount, Random random)
    {
        var corpusId = Guid.NewGuid();
        var people = Enumerable.Range(0, Math.Max(1, itemCount / 5)).Select(_ => new CorpusParticipant
        {
            Id = Guid.NewGuid(), WorkshopId = corpusId,
            Attributes = new()
            {
                ["role"] = Roles[random.Next(Roles.Length)], ["profession"] = Professions[random.Next(Professions.Length)],
                ["region"] = Regions[random.Next(Regions.Length)]
            }
        }).ToList();
        var codes = new List<CodeDefinition>();
        for (var t = 0; t < 10; t++)
        {
            var top = new CodeDefinition(Guid.NewGuid(), null, $"Theme {t}", "", "", "", "", "#005EB8");
            codes.Add(top);
            for (var s = 0; s < 2; s++) codes.Add(new CodeDefinition(Guid.NewGuid(), top.Id, $"Theme {t}.{s}", "", "", "", "", "#009639"));
        }
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var items = Enumerable.Range(0, itemCount).Select(i => new CorpusItem
        {
            Id = Guid.NewGuid(), WorkshopId = corpusId, AuthorId = people[random.Next(people.Count)].Id, PublishedAt = start.AddSeconds(i),
            Text = string.Join(' ', Enumerable.Range(0, 8 + random.Next(20)).Select(_ => Words[random.Next(Words.Length)]))
        }).ToList();
        var coder = Guid.NewGuid();
        var codings = items.Where(_ => random.NextDouble() < 0.6).Select(i => new AppliedCode
        {
            Id = Guid.NewGuid(), CorpusId = corpusId, ItemId = i.Id, CodeId = codes[random.Next(codes.Count)].Id, CoderId = coder, CoderName = "Analyst"
        }).ToList();
        var votes = people.SelectMany(p => Enumerable.Range(0, 20).Select(_ => items[random.Next(items.Count)].Id).Distinct().Select(item => new CorpusVote
        {
            Id = $"{item}:{p.Id}", WorkshopId = corpusId, ContributionId = item, ParticipantId = p.Id,
            Value = random.NextDouble() switch { < 0.55 => "agree", < 0.85 => "disagree", _ => "pass" }, CastAt = start
        })).ToList();
        var quotes = items.Take(40).Select(i => new Quote { Id = Guid.NewGuid(), CorpusId = corpusId, ItemId = i.Id }).ToList();
        var recommendations = Enumerable.Range(0, 12).Select(r => new Recommendation
        {
            Id = Guid.NewGuid(), CorpusId = corpusId, Title = $"Recommendation {r}", Audience = AnalysisSettings.DefaultAudiences[r % 3].Key,
            ThemeIds = [codes[r % 10 * 3].Id], QuoteIds = [quotes[r].Id]
        }).ToList();
        return new CorpusFacts
        {
            Corpus = new Corpus { Id = corpusId, Name = "Bench" }, Workshop = null, Closure = null,
            Settings = new AnalysisSettings { Id = corpusId }, Codebook = new Codebook { Id = corpusId, Version = 31, Codes = codes },
            Items = items, Participants = people.ToDictionary(p => p.Id), Votes = votes, Codings = codings,
            Marks = codings.Take(codings.Count / 3).ToDictionary(c => c.ItemId, c => random.Next(2) == 0 ? "problem" : "solution"),
            Quotes = quotes, Recommendations = recommendations
        };
    }
}
