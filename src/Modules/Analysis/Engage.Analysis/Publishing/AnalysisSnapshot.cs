using Engage.Analysis.Contracts;
using Engage.Analysis.Findings;

namespace Engage.Analysis.Publishing;

/// <summary>Computes the frozen content of a publication from the corpus as it is now.</summary>
public static class AnalysisSnapshot
{
    public static AnalysisPublished Take(CorpusFacts facts, PublishedAnalysis publication, ReliabilityFigures? reliability, DateTimeOffset now)
    {
        var opinion = OpinionFindingsBuilder.Find(facts);
        var themes = ThemeFindings.Build(facts, opinion);
        var opened = facts.Workshop?.Opened;

        return new AnalysisPublished(publication.Id, facts.Corpus.Id, facts.Corpus.WorkshopId, publication.Title, now,
            opened is null ? null : new WorkshopFacts(opened.WorkshopId, opened.SeminarId, opened.Title, opened.OpenedAt, facts.Closure?.ClosedAt,
                opened.Themes.Select(t => new WorkshopQuestion(t.ThemeId, t.Title, t.Description, t.Prompts,
                    t.Problems.Select(p => new ProblemStatement(p.ProblemId, p.Text, p.InterestGroup)).ToList())).ToList(),
                facts.MinimumGroupSize, opened.Attribution),
            Figures.Participation(facts),
            new MethodFacts(facts.Codebook.Version, facts.Codebook.Active.Count(), facts.Codings.Select(c => c.CoderId).Distinct().Count(), facts.Items.Count,
                facts.Codings.Select(c => c.ItemId).Distinct().Count(), reliability, Approach(facts, reliability)),
            themes,
            opinion.Findings.Groups.Count == 0 ? null : opinion.Findings,
            facts.Recommendations.Select(r => Recommended(facts, r, opinion)).ToList(),
            facts.Codebook.Codes.Where(c => !c.Retired).Select(c => new CodebookEntry(c.Id, c.ParentId, c.Name, c.Definition, c.Inclusion, c.Exclusion, c.Example, c.Colour)).ToList());
    }

    private static RecommendedAction Recommended(CorpusFacts facts, Recommendation r, OpinionAnalysis opinion)
    {
        var items = Evidence.ItemsOf(facts, r);
        var questions = facts.Workshop?.Opened.Themes ?? [];
        var workshopThemes = r.ThemeIds.Where(t => questions.Any(q => q.ThemeId == t))
            .Concat(facts.Items.Where(i => items.Contains(i.Id)).GroupBy(i => i.ThemeId).OrderByDescending(g => g.Count()).Select(g => g.Key))
            .Where(t => questions.Any(q => q.ThemeId == t)).Distinct().ToList();
        var problems = questions.Where(q => workshopThemes.Contains(q.ThemeId)).SelectMany(q => q.Problems).Select(p => p.ProblemId).Distinct().ToList();
        return new RecommendedAction(r.Id, r.Audience, r.Title, r.Description, r.Priority,
            r.ThemeIds.Where(t => facts.Codebook.CodeOf(t) is not null).Select(t => facts.Codebook.ThemeOf(facts.Codebook.CodeOf(t)!).Id)
                .Concat(r.CodeIds.Select(c => facts.Codebook.ThemeOf(facts.Codebook.CodeOf(c)!).Id)).Distinct().ToList(),
            r.CodeIds, r.QuoteIds, workshopThemes, problems, Evidence.For(facts, r, opinion));
    }

    private static string Approach(CorpusFacts facts, ReliabilityFigures? reliability)
    {
        var coders = facts.Codings.Select(c => c.CoderId).Distinct().Count();
        if (coders == 0) return "Contributions were grouped by the workshop theme they answered; no codes had been applied when this analysis was published.";
        var text = $"Thematic analysis (Braun and Clarke): {coders} analyst{(coders == 1 ? "" : "s")} coded {facts.Codings.Select(c => c.ItemId).Distinct().Count():N0} " +
                   $"of {facts.Items.Count:N0} contributions against codebook version {facts.Codebook.Version}; themes are its top-level codes, each counting its subcodes.";
        return reliability is null ? text + " No item was coded by two analysts, so inter-coder reliability was not measured."
            : text + $" Inter-coder reliability was measured on {reliability.Units:N0} items coded by {reliability.Coders} analysts (Krippendorff's alpha {reliability.KrippendorffAlpha:0.000}).";
    }
}
