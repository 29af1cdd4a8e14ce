using global::Engage.Analysis.Contracts;

namespace Engage.IntegrationTests.Support;

/// <summary>
/// A frozen analysis as the Analysis module publishes it, made up for reporting tests: themes with
/// breakdowns (one group suppressed), quotes, opinion groups, reliability, and one recommendation per
/// audience tied to its theme, quote and seminar problem.
/// </summary>
public static class SampleAnalysis
{
    public static readonly string[] Audiences = ["national-bodies", "employers", "individuals"];

    public static AnalysisPublished Create(Guid? workshopId = null, int themes = 3, int contributionsPerTheme = 40, string title = "What we heard about advanced practice")
    {
        var corpus = workshopId ?? Guid.NewGuid();
        var rng = new Random(7);
        var problems = Enumerable.Range(0, themes).Select(i => new ProblemStatement(Guid.NewGuid(), $"Problem statement {i + 1}: no common standard for area {i + 1}", i % 2 == 0 ? "Regulators" : "Employers")).ToList();
        var questions = Enumerable.Range(0, themes).Select(i => new WorkshopQuestion(Guid.NewGuid(), $"Workshop question {i + 1}", "What would help?",
            [$"What would make area {i + 1} work?"], [problems[i]])).ToList();
        var codebook = new List<CodebookEntry>();
        var findings = new List<FindingTheme>();
        for (var i = 0; i < themes; i++)
        {
            var themeId = Guid.NewGuid();
            codebook.Add(new CodebookEntry(themeId, null, $"Theme {i + 1} about supervision", "People describe supervision", "Any mention", "None", "An example", "#005eb8"));
            var sub = Guid.NewGuid();
            codebook.Add(new CodebookEntry(sub, themeId, $"Subtheme {i + 1}.1", "Narrower", "", "", "", "#007f3b"));
            var evidence = Enumerable.Range(0, contributionsPerTheme).Select(_ => Guid.NewGuid()).ToList();
            var quoteId = Guid.NewGuid();
            findings.Add(new FindingTheme(themeId, $"Theme {i + 1} about supervision", $"What people said about supervision, part {i + 1}.", [questions[i].ThemeId],
                contributionsPerTheme, contributionsPerTheme - i, 60.0 - 10 * i,
                [new SubthemeFigure(sub, $"Subtheme {i + 1}.1", contributionsPerTheme / 2, contributionsPerTheme / 3)],
                [new ThemeBreakdown("profession", [new BreakdownCell("Nurse", 20, 40, 50.0), new BreakdownCell("Physiotherapist", 12, 30, 40.0), new BreakdownCell("Paramedic", null, null, null)], 6.6, 1, 0.01),
                 new ThemeBreakdown("region", [new BreakdownCell("London", 15, 35, 42.9), new BreakdownCell("North West", 17, 33, 51.5)], 0.5, 1, 0.48)],
                contributionsPerTheme / 2, contributionsPerTheme / 3, new SentimentFigures(10, 20, 10, 0.05 * rng.NextDouble()),
                [new GroupView(0, 30, 5, 2, 85.7), new GroupView(1, 10, 20, 3, 33.3)],
                [new QuoteFinding(quoteId, evidence[0], $"Quote {i + 1}: I need protected time for supervision every week.", "Nurse, North West", [themeId])],
                evidence));
        }
        var recommendations = Enumerable.Range(0, themes).Select(i => new RecommendedAction(Guid.NewGuid(), Audiences[i % 3], $"Recommendation {i + 1}: protect supervision time",
            $"Recommendation text {i + 1}: agree a national standard for supervision.", "high", [findings[i].ThemeId], [findings[i].ThemeId], [findings[i].Quotes[0].QuoteId],
            [questions[i].ThemeId], [problems[i].ProblemId], new RecommendationEvidence(30, 40, 50, 10, 5, 83.3, [0]))).ToList();
        return new AnalysisPublished(Guid.NewGuid(), corpus, workshopId, title, DateTimeOffset.UtcNow,
            new WorkshopFacts(corpus, Guid.NewGuid(), "Advanced practice workshop", DateTimeOffset.UtcNow.AddDays(-20), DateTimeOffset.UtcNow.AddDays(-5), questions, 10, null),
            new ParticipationFigures(120, 100, 90, 95, themes * contributionsPerTheme, 3, 900,
                [new AttributeCounts("profession", [new GroupCount("Nurse", 60, "60"), new GroupCount("Physiotherapist", 50, "50"), new GroupCount("Paramedic", null, "fewer than 10"), new GroupCount("Midwife", null, "not shown")], "Profession"),
                 new AttributeCounts("region", [new GroupCount("London", 55, "55"), new GroupCount("North West", 65, "65")], "Region")],
                "120 people", "100 people", "90 people", "95 people"),
            new MethodFacts(3, codebook.Count, 2, themes * contributionsPerTheme, themes * contributionsPerTheme - 5,
                new ReliabilityFigures(0.82, 0.91, 0.8, 60, 2, [new CodeReliabilityFigure(findings[0].ThemeId, findings[0].Title, 0.82, 0.9)]),
                "Reflexive thematic analysis with a shared codebook."),
            findings,
            new OpinionFindings(100, [new OpinionGroupFinding(0, "Group A", 60, [new StatementFinding(Guid.NewGuid(), "Supervision matters", 90, 50)], []),
                                      new OpinionGroupFinding(1, "Group B", 40, [new StatementFinding(Guid.NewGuid(), "Titles matter more", 70, 30)], [])],
                [new StatementFinding(Guid.NewGuid(), "Everyone agrees on this", 95, 80)], [new StatementFinding(Guid.NewGuid(), "This divides people", 50, 70)]),
            recommendations, codebook);
    }

    /// <summary>An analysis with every optional part missing, as an uploaded corpus with no coding might give.</summary>
    public static AnalysisPublished Bare() =>
        new(Guid.NewGuid(), Guid.NewGuid(), null, "A bare analysis", DateTimeOffset.UtcNow, null, null!, null!, [], null, [], []);
}
