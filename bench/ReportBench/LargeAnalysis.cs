using Engage.Analysis.Contracts;

namespace ReportBench;

/// <summary>
/// A made-up analysis of a national workshop of the given size, shaped like the ACP conversation at
/// scale: 40 themes of 5 subthemes, 6 profile questions of up to 12 answers, 5 quotes a theme,
/// 45 recommendations. Every contribution is evidence for one or two themes, so the evidence table
/// holds about 1.5 rows per contribution.
/// </summary>
public static class LargeAnalysis
{
    public static AnalysisPublished Create(int contributions, int seed = 1)
    {
        var rng = new Random(seed);
        const int themes = 40;
        string[] audiences = ["national-bodies", "employers", "individuals"];
        var attributes = new (string Name, string[] Values)[]
        {
            ("profession", ["Nurse", "Physiotherapist", "Paramedic", "Pharmacist", "Occupational therapist", "Midwife", "Dietitian", "Podiatrist", "Radiographer", "Speech and language therapist", "Doctor", "Other"]),
            ("region", ["London", "North West", "North East and Yorkshire", "Midlands", "East of England", "South East", "South West"]),
            ("sector", ["Acute", "Primary care", "Community", "Mental health", "Ambulance", "Education"]),
            ("role", ["Trainee ACP", "Qualified ACP", "Supervisor", "Manager", "Educator"]),
            ("years in practice", ["Under 5", "5 to 10", "10 to 20", "Over 20"]),
            ("age", ["Under 30", "30 to 39", "40 to 49", "50 to 59", "60 or over"])
        };
        var people = contributions / 4;
        var problems = Enumerable.Range(0, 24).Select(i => new ProblemStatement(Guid.NewGuid(), $"Problem {i + 1}: {Sentence(rng, 14)}", $"Interest group {i % 6 + 1}")).ToList();
        var questions = Enumerable.Range(0, 8).Select(i => new WorkshopQuestion(Guid.NewGuid(), $"Question {i + 1}: {Sentence(rng, 6)}", Sentence(rng, 20),
            [Sentence(rng, 10) + "?", Sentence(rng, 12) + "?"], problems.Skip(i * 3).Take(3).ToList())).ToList();
        var codebook = new List<CodebookEntry>();
        var findings = new List<FindingTheme>();
        var evidence = Enumerable.Range(0, contributions).Select(_ => Guid.NewGuid()).ToArray();
        for (var t = 0; t < themes; t++)
        {
            var id = Guid.NewGuid();
            codebook.Add(new CodebookEntry(id, null, $"Theme {t + 1}: {Sentence(rng, 3)}", Sentence(rng, 25), Sentence(rng, 12), Sentence(rng, 12), Sentence(rng, 18), "#005eb8"));
            var subs = Enumerable.Range(0, 5).Select(s => new CodebookEntry(Guid.NewGuid(), id, $"{t + 1}.{s + 1} {Sentence(rng, 3)}", Sentence(rng, 20), Sentence(rng, 8), Sentence(rng, 8), Sentence(rng, 14), "#007f3b")).ToList();
            codebook.AddRange(subs);
            // Themes follow a long tail: the first raised by a third of contributions, the last by a few hundred.
            var items = Math.Max(50, (int)(contributions * 0.33 / (1 + t * 0.35)));
            var ids = Enumerable.Range(0, items).Select(_ => evidence[rng.Next(contributions)]).Distinct().ToList();
            var raisedBy = Math.Min(people, items * 3 / 4);
            findings.Add(new FindingTheme(id, codebook[^6].Name, codebook[^6].Definition, [questions[t % questions.Count].ThemeId], items, raisedBy, Math.Round(100.0 * raisedBy / people, 1),
                subs.Select(s => new SubthemeFigure(s.CodeId, s.Name, items / 5, raisedBy / 5)).ToList(),
                attributes.Select(a => new ThemeBreakdown(a.Name, a.Values.Select(v => rng.NextDouble() < 0.08 ? new BreakdownCell(v, null, null, null)
                    : new BreakdownCell(v, rng.Next(20, 900), rng.Next(900, 4000), Math.Round(rng.NextDouble() * 60, 1))).ToList(), rng.NextDouble() * 40, a.Values.Length - 1, rng.NextDouble() * 0.2)).ToList(),
                items / 2, items / 3, new SentimentFigures(items / 4, items / 2, items / 4, rng.NextDouble() - 0.5),
                Enumerable.Range(0, 4).Select(g => new GroupView(g, rng.Next(100, 3000), rng.Next(100, 3000), rng.Next(10, 500), Math.Round(rng.NextDouble() * 100, 1))).ToList(),
                Enumerable.Range(0, 5).Select(_ => new QuoteFinding(Guid.NewGuid(), ids[rng.Next(ids.Count)], Sentence(rng, 40), "Nurse, North West", [id])).ToList(),
                ids));
        }
        var recommendations = Enumerable.Range(0, 45).Select(r =>
        {
            var theme = findings[r % themes];
            return new RecommendedAction(Guid.NewGuid(), audiences[r % 3], $"Recommendation {r + 1}: {Sentence(rng, 6)}", Sentence(rng, 45), r % 4 == 0 ? "high" : "medium",
                [theme.ThemeId], [theme.ThemeId], [theme.Quotes[0].QuoteId], theme.WorkshopThemeIds, questions[r % questions.Count].Problems.Select(p => p.ProblemId).ToList(),
                new RecommendationEvidence(theme.People, theme.Items, rng.Next(1000, 20000), rng.Next(100, 5000), rng.Next(10, 900), Math.Round(rng.NextDouble() * 100, 1), [0, 2]));
        }).ToList();
        var groups = Enumerable.Range(0, 4).Select(g => new OpinionGroupFinding(g, $"Group {(char)('A' + g)}", people / 5,
            Enumerable.Range(0, 5).Select(_ => new StatementFinding(Guid.NewGuid(), Sentence(rng, 25), Math.Round(rng.NextDouble() * 100, 1), rng.Next(100, 5000))).ToList(), [])).ToList();
        return new AnalysisPublished(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "What we heard about advanced clinical practice", DateTimeOffset.UtcNow,
            new WorkshopFacts(Guid.NewGuid(), Guid.NewGuid(), "Advanced clinical practice: the national conversation", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-2), questions, 10, null),
            new ParticipationFigures(people, people * 9 / 10, people * 4 / 5, people * 3 / 4, contributions, 12, contributions * 9,
                attributes.Select(a => new AttributeCounts(a.Name, a.Values.Select(v => rng.NextDouble() < 0.08 ? new GroupCount(v, null, "fewer than 10") : rng.Next(200, 8000) is var n ? new GroupCount(v, n, n.ToString("N0")) : null!).ToList())).ToList(),
                $"{people:N0} people", $"{people * 9 / 10:N0} people", $"{people * 4 / 5:N0} people", $"{people * 3 / 4:N0} people"),
            new MethodFacts(7, codebook.Count, 6, contributions, contributions * 9 / 10,
                new ReliabilityFigures(0.81, 0.9, 0.79, 2000, 3, codebook.Take(40).Select(c => new CodeReliabilityFigure(c.CodeId, c.Name, Math.Round(0.6 + rng.NextDouble() * 0.35, 3), 0.8 + rng.NextDouble() * 0.2)).ToList()),
                "Reflexive thematic analysis with a shared codebook, six analysts, double coding of a 2,000-item sample, and machine-suggested codes reviewed by analysts."),
            findings,
            new OpinionFindings(people, groups, groups[0].Representative.Take(3).ToList(), groups[1].Representative.Take(3).ToList()),
            recommendations, codebook);
    }

    private static readonly string[] Words = ("supervision protected time training standard register employer funding career framework competence assessment portfolio " +
        "mentor governance title regulator workforce patient safety pathway credential capability education placement leadership").Split(' ');

    private static string Sentence(Random rng, int words)
    {
        var s = string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[rng.Next(Words.Length)]));
        return char.ToUpperInvariant(s[0]) + s[1..];
    }
}
