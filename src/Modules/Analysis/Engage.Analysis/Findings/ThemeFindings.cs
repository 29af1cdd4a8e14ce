using Engage.Analysis.Contracts;
using Engage.Analysis.Sentiment;

namespace Engage.Analysis.Findings;

/// <summary>
/// The themes of an analysis: the codebook's top-level codes, each counting its subcodes' items; or,
/// before anything is coded, the workshop's own themes, so a corpus always has findings to show.
/// </summary>
public static class ThemeFindings
{
    /// <summary>Evidence ids per theme are capped (most agreed first) to keep the published message a sensible size.</summary>
    public const int MaxEvidenceIds = 2_000;

    public static IReadOnlyList<FindingTheme> Build(CorpusFacts facts, OpinionAnalysis opinion)
    {
        var themes = facts.Codebook.Active.Where(c => c.ParentId is null).ToList();
        if (themes.Count > 0)
            return themes.Select(t => Theme(facts, opinion, t.Id, t.Name, t.Definition, facts.ItemsWith(t.Id),
                facts.Codebook.Active.Where(c => c.ParentId == t.Id).Select(c => Subtheme(facts, c.Id, c.Name)).ToList()))
                .OrderByDescending(t => t.Order).Select(t => t.Theme).ToList();

        var questions = facts.Workshop?.Opened.Themes ?? [];
        return facts.Items.GroupBy(i => i.ThemeId).Select(g =>
        {
            var question = questions.FirstOrDefault(q => q.ThemeId == g.Key);
            return Theme(facts, opinion, g.Key, question?.Title ?? "Untitled theme", question?.Description ?? "", g.Select(i => i.Id).ToHashSet(), []);
        }).OrderByDescending(t => t.Order).Select(t => t.Theme).ToList();
    }

    private static SubthemeFigure Subtheme(CorpusFacts facts, Guid codeId, string name)
    {
        var items = facts.ItemsWith(codeId);
        var people = Figures.PeopleRaising(facts, items);
        return new SubthemeFigure(codeId, name, items.Count, people.Value, people.Words(facts.MinimumGroupSize));
    }

    /// <summary>The theme and the true number of people raising it, used only to order themes (the order shows no count).</summary>
    private static (FindingTheme Theme, (int, int) Order) Theme(CorpusFacts facts, OpinionAnalysis opinion, Guid id, string title, string description, IReadOnlySet<Guid> itemIds,
        IReadOnlyList<SubthemeFigure> subthemes)
    {
        var items = facts.Items.Where(i => itemIds.Contains(i.Id)).ToList();
        var raisedBy = facts.PeopleWhoWrote(itemIds).Count;
        var people = Figures.PeopleRaising(facts, itemIds);
        var prevalence = Figures.Prevalence(facts, people);
        var marks = items.Select(i => facts.Marks.GetValueOrDefault(i.Id)).ToList();
        var scores = items.Select(i => SentimentScorer.Score(i.Text)).ToList();
        var agree = facts.Votes.Where(v => v.Value == "agree" && itemIds.Contains(v.ContributionId)).GroupBy(v => v.ContributionId).ToDictionary(g => g.Key, g => g.Count());
        var workshopThemes = facts.Workshop?.Opened.Themes.Select(q => q.ThemeId).ToHashSet() ?? [];

        return (new FindingTheme(id, title, description,
            items.GroupBy(i => i.ThemeId).Where(g => workshopThemes.Contains(g.Key)).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList(),
            items.Count, people.Value, prevalence, subthemes,
            facts.AttributeNames.Select(a => AttributeBreakdowns.Of(facts, itemIds, a)).ToList(),
            marks.Count(m => m is "problem" or "both"), marks.Count(m => m is "solution" or "both"),
            new SentimentFigures(scores.Count(s => s.Label == SentimentLabel.Positive), scores.Count(s => s.Label == SentimentLabel.Neutral),
                scores.Count(s => s.Label == SentimentLabel.Negative), scores.Count == 0 ? 0 : Math.Round(scores.Average(s => s.Value), 3)),
            opinion.ViewsOn(facts, itemIds),
            facts.Quotes.Where(q => itemIds.Contains(q.ItemId)).Select(q => facts.ViewOf(q)).OfType<Findings.QuoteView>()
                .Select(q => new QuoteFinding(q.Id, q.ItemId, q.Text, q.Attribution, [id])).ToList(),
            items.OrderByDescending(i => agree.GetValueOrDefault(i.Id)).ThenBy(i => i.PublishedAt).Take(MaxEvidenceIds).Select(i => i.Id).ToList(),
            people.Words(facts.MinimumGroupSize), Platform.Disclosure.SmallGroups.PercentText(prevalence)), (raisedBy, items.Count));
    }
}
