using Engage.Analysis.Contracts;
using Engage.Platform.Wording;
using Engage.Reporting.Charts;
using static Engage.Reporting.Content.ReportWords;

namespace Engage.Reporting.Content;

/// <summary>
/// Composes the report once from the frozen analysis, staff's narrative and the progress recorded
/// (docs/adr/0016). Sections follow the sponsoring body's order: summary, background and method, who
/// took part, what we heard, opinion groups, recommendations by audience, appendices. A section the
/// analysis lacks says "Not available" and why.
/// </summary>
public static class ReportOutlines
{
    /// <summary>Where the public page that defines each figure lives, under the site's address.</summary>
    public const string HowWeCountPath = "/how-we-count";

    /// <param name="siteUrl">The site's public address, for links that must work in a downloaded file; empty on the site itself.</param>
    public static ReportOutline Build(ReportEdition edition, string siteUrl = "")
    {
        var f = edition.Facts();
        var lines = new List<string>();
        if (f.Workshop is { } w)
        {
            lines.Add($"What people told us in the workshop \u201c{w.Title}\u201d");
            if (Dates(w) is { } dates) lines.Add(dates);
        }
        if (edition.Withdrawn > 0)
            lines.Add($"Since this version was published, {Words.Count(edition.Withdrawn, "quote or statement", "quotes or statements")} changed or came out because {(edition.Withdrawn == 1 ? "its author" : "their authors")} deleted their data.");
        var howWeCount = siteUrl.TrimEnd('/') + HowWeCountPath;
        return new ReportOutline(edition.Title, "Insight report", lines, VersionLabel(edition),
        [
            Summary(f), BackgroundAndMethod(f, howWeCount), WhoTookPart(f), Themes(f), OpinionGroups(f), Recommendations(f), Appendices(f)
        ], DataTables.All(f));
    }

    public static string VersionLabel(ReportEdition e) =>
        e.Version is { } v ? $"Version {v}, published {Words.Date(e.PublishedAt ?? DateTimeOffset.UnixEpoch)}" : "Draft: not yet published";

    private static OutlineSection Summary(ReportFacts f)
    {
        var b = new List<Block>();
        AddNarrative(b, f, NarrativeSections.Summary);
        b.Add(new Heading(3, "Key figures"));
        if (f.Participation is { } p)
            b.Add(new KeyFigures(
            [
                PeopleFigure(p.Registered, p.RegisteredShown, f.MinimumGroupSize, "registered"),
                PeopleFigure(p.TookPart, p.TookPartShown, f.MinimumGroupSize, "took part"),
                PeopleFigure(p.Contributors, p.ContributorsShown, f.MinimumGroupSize, "wrote something"),
                new(Number(p.Contributions), Words.Noun(p.Contributions, "contribution")),
                new(Number(p.Votes), Words.Noun(p.Votes, "vote")),
                new(Number(f.Themes.Count), Words.Noun(f.Themes.Count, "theme")),
                new(Number(f.Recommendations.Count), Words.Noun(f.Recommendations.Count, "recommendation"))
            ]));
        else b.Add(new NotAvailable("the participation figures were not part of the analysis"));
        if (f.Themes.Count > 0)
        {
            b.Add(new Heading(3, "The themes raised most often"));
            b.Add(new ListBlock(f.Themes.Take(5).Select(t => (IReadOnlyList<Span>)
                [new(t.Title, $"#theme-{t.ThemeId}"), new($": {ThemePeople(f, t)}")]).ToList(), Ordered: true));
        }
        if (f.Recommendations.Count > 0)
        {
            b.Add(new Heading(3, "Recommendations at a glance"));
            b.Add(new ListBlock(f.ByAudience().Select(a => (IReadOnlyList<Span>)
                [new($"{Audiences.Name(a.Audience)}: "), new(Words.Count(a.Actions.Count, "recommendation"), $"#audience-{Slug(a.Audience)}")]).ToList()));
        }
        return new("summary", "Executive summary", b);
    }

    private static OutlineSection BackgroundAndMethod(ReportFacts f, string howWeCount)
    {
        var b = new List<Block>();
        AddNarrative(b, f, NarrativeSections.Background);
        b.Add(new Heading(3, "The seminar: who framed the problems"));
        var problems = f.ProblemById.Values.OrderBy(p => p.InterestGroup).ToList();
        if (problems.Count == 0) b.Add(new NotAvailable("no seminar problem statements came with this analysis"));
        else
        {
            var groups = problems.Select(p => p.InterestGroup).Distinct().Count();
            b.Add(new Paragraph($"Leaders of {Words.Count(groups, "interest group")} framed {Words.Count(problems.Count, "problem statement")}, which the workshop's questions were built on."));
            b.Add(new TableBlock("Problem statements from the seminar", ["Problem statement", "Raised by"],
                problems.Select(p => (IReadOnlyList<string>)[p.Text, p.InterestGroup]).ToList(), RowAnchors: problems.Select(p => $"problem-{p.ProblemId}").ToList()));
        }

        b.Add(new Heading(3, "The workshop"));
        if (f.Workshop is not { } w) b.Add(new NotAvailable("this analysis was not of a workshop, so there are no workshop dates or questions"));
        else
        {
            var ran = Dates(w) is { } d ? $" ran {char.ToLowerInvariant(d[0])}{d[1..]}" : "";
            b.Add(new Paragraph($"\u201c{w.Title}\u201d{ran}. Figures about groups of fewer than {w.MinimumGroupSize} people are not shown: they read \u201cfewer than {w.MinimumGroupSize}\u201d instead."));
            foreach (var q in w.Questions ?? [])
            {
                b.Add(new Heading(4, q.Title));
                if (!string.IsNullOrWhiteSpace(q.Description)) b.Add(new Paragraph(q.Description));
                if ((q.Prompts ?? []).Count > 0) b.Add(new ListBlock(q.Prompts!.Select(x => (IReadOnlyList<Span>)[new(x)]).ToList()));
            }
        }

        b.Add(new Heading(3, "How the analysis was done"));
        if (f.Method is not { } m) b.Add(new NotAvailable("the analysis method was not recorded"));
        else
        {
            if (!string.IsNullOrWhiteSpace(m.Approach)) b.Add(new Paragraph(m.Approach));
            b.Add(new Paragraph($"{Words.Count(m.Coders, "analyst")} coded {Number(m.CodedItems)} of {Words.Count(m.Items, "item")} with version {m.CodebookVersion} of a codebook of {Words.Count(m.Codes, "code")} (appendix A)."));
            b.Add(new Heading(4, "Agreement between coders"));
            if (m.Reliability is not { } r) b.Add(new NotAvailable("no double-coded sample was measured, so agreement between coders is not available"));
            else
            {
                b.Add(new Paragraph($"{Words.Count(r.Coders, "coder")} independently coded a sample of {Words.Count(r.Units, "item")}. Krippendorff's alpha was {Decimal(r.KrippendorffAlpha, "0.00")}" +
                                    $" (0.8 or more is reliable; 0.667 to 0.8 allows tentative conclusions), percent agreement {Share(r.PercentAgreement * 100)}" +
                                    (r.CohenKappa is { } k ? $" and Cohen's kappa {Decimal(k, "0.00")}." : ".")));
                if ((r.ByCode ?? []).Count > 0)
                    b.Add(new TableBlock("Agreement by code", ["Code", "Krippendorff's alpha", "Percent agreement"],
                        r.ByCode!.Select(c => (IReadOnlyList<string>)[c.Code, Decimal(c.KrippendorffAlpha, "0.00"), Share(c.PercentAgreement * 100, "not measured")]).ToList(), NumericFrom: 1));
            }
        }
        b.Add(new Paragraph([new("How each figure in this report is counted, in plain words: "), new("How we count", howWeCount), new(".")]));
        return new("background", "Background and method", b);
    }

    private static OutlineSection WhoTookPart(ReportFacts f)
    {
        var b = new List<Block>();
        AddNarrative(b, f, NarrativeSections.Participation);
        if (f.Participation is not { } p) return new("participation", "Who took part", [.. b, new NotAvailable("the participation figures were not part of the analysis")]);
        var min = f.MinimumGroupSize;
        // Seed statements are contributions but nobody's: they are counted apart from the people (see "How we count").
        b.Add(new Paragraph($"{Capital(People(p.Registered, min, p.RegisteredShown))} registered and {People(p.TookPart, min, p.TookPartShown)} took part. " +
                            $"{Words.Count(p.Contributions, "contribution")} {(p.Contributions == 1 ? "was" : "were")} published" +
                            (p.SeedStatements > 0 ? $", {Words.Count(p.SeedStatements, "seed statement")} from the programme team among them, which are not counted as anyone's" : "") +
                            $"; {People(p.Contributors, min, p.ContributorsShown)} wrote something, and {People(p.Voters, min, p.VotersShown)} cast {Words.Count(p.Votes, "vote")}. " +
                            $"Groups of fewer than {min} people are not shown, so that no one can be recognised."));
        if ((p.ByAttribute ?? []).Count == 0) b.Add(new NotAvailable("no profile answers were collected"));
        var n = 0;
        foreach (var a in p.ByAttribute ?? [])
        {
            var name = f.AttributeName(a.Attribute, a.Label);
            b.Add(new Heading(3, name));
            b.Add(new ChartBlock(BarChart.Participation(name, a, f.MinimumGroupSize), $"chart-participation-{n++}"));
            b.Add(new TableBlock($"People by {InSentence(name)}", [name, "People"],
                (a.Groups ?? []).Select(g => (IReadOnlyList<string>)[Value(g.Value), Count(g.Count, f.MinimumGroupSize, g.Shown)]).ToList(), NumericFrom: 1));
        }
        return new("participation", "Who took part", b);
    }

    private static OutlineSection Themes(ReportFacts f)
    {
        var b = new List<Block>();
        AddNarrative(b, f, NarrativeSections.Themes);
        if (f.Themes.Count == 0) return new("themes", "What we heard", [.. b, new NotAvailable("the analysis found no themes")]);
        b.Add(new ChartBlock(BarChart.Prevalence(f.Themes), "chart-prevalence"));
        b.Add(new TableBlock("Themes by how many people raised them", ["Theme", "People", "Share of contributors", "Items"],
            f.Themes.Select(t => (IReadOnlyList<string>)[t.Title, Count(t.People, f.MinimumGroupSize, t.PeopleShown), Prevalence(t), Number(t.Items)]).ToList(), NumericFrom: 1));
        var chart = 0;
        foreach (var t in f.Themes)
        {
            var g = new List<Block> { new Heading(3, t.Title, $"theme-{t.ThemeId}") };
            if (!string.IsNullOrWhiteSpace(t.Description)) g.Add(new Paragraph(t.Description));
            AddNarrative(g, f, NarrativeSections.ForTheme(t.ThemeId));
            g.Add(new Paragraph($"Raised by {ThemePeople(f, t)} in {Words.Count(t.Items, "contribution")}: " +
                                $"{Number(t.Issues)} describing issues and {Number(t.Solutions)} proposing solutions.", Tone.Meta));
            if (t.Sentiment is { } s)
                g.Add(new Paragraph($"Tone: {Number(s.Positive)} positive, {Number(s.Neutral)} neutral and {Number(s.Negative)} negative contributions.", Tone.Meta));
            var questions = (t.WorkshopThemeIds ?? []).Select(id => f.QuestionById.GetValueOrDefault(id)?.Title).OfType<string>().ToList();
            if (questions.Count > 0) g.Add(new Paragraph($"Heard in answer to: {string.Join("; ", questions)}.", Tone.Meta));
            if ((t.Subthemes ?? []).Count > 0)
                g.Add(new TableBlock($"{t.Title}: subthemes", ["Subtheme", "People", "Items"],
                    t.Subthemes!.Select(x => (IReadOnlyList<string>)[x.Name, Count(x.People, f.MinimumGroupSize, x.PeopleShown), Number(x.Items)]).ToList(), NumericFrom: 1));
            var (shown, quiet) = Breakdowns.Split(t);
            foreach (var br in shown)
            {
                var name = f.AttributeName(br.Attribute, br.Label);
                g.Add(new Heading(4, name));
                g.Add(new ChartBlock(BarChart.Breakdown(t.Title, name, br, f.MinimumGroupSize), $"chart-theme-{chart++}"));
                g.Add(new TableBlock($"{t.Title} by {InSentence(name)}", [name, "Raised it", "Group size", "Share of the group"],
                    (br.Cells ?? []).Select(c => (IReadOnlyList<string>)[Value(c.Value), Count(c.Count, f.MinimumGroupSize, c.Shown), Count(c.GroupSize, f.MinimumGroupSize, c.GroupSizeShown),
                        c.Percent is { } x ? Share(x) : Held(f.MinimumGroupSize, c.Shown).Text]).ToList(), NumericFrom: 1));
                g.Add(new Paragraph(br.ChiSquare is { } chi
                    ? $"Pearson's chi-square = {Decimal(chi, "0.00")} with {Words.Count(br.DegreesOfFreedom, "degree")} of freedom, p {PValue(br.PValue)}: {(br.PValue < Breakdowns.Significance ? "the groups differ more than chance would explain" : "no clear difference between the groups")}."
                    : "Too few people in the groups that can be shown to test for a difference.", Tone.Meta));
            }
            if (quiet.Count > 0) g.Add(new Paragraph(Breakdowns.QuietSentence(quiet.Select(q => InSentence(f.AttributeName(q.Attribute, q.Label))).ToList()), Tone.Meta));
            if ((t.GroupViews ?? []).Count > 0)
                g.Add(new TableBlock($"{t.Title}: how the opinion groups voted on its contributions", ["Opinion group", "Agree", "Disagree", "Pass", "Agree share", "Disagree share", "Pass share", "Most votes"],
                    t.GroupViews!.Select(v => OpinionWords.Shares(v) is var s ? (IReadOnlyList<string>)[f.GroupName(v.GroupId), Number(v.Agree), Number(v.Disagree), Number(v.Pass),
                        Share(s.Agree, "no votes"), Share(s.Disagree, "no votes"), Share(s.Pass, "no votes"), OpinionWords.Word(s.Direction)] : []).ToList(), NumericFrom: 1));
            if ((t.Quotes ?? []).Count > 0)
            {
                g.Add(new Heading(4, "In their words"));
                g.AddRange(t.Quotes!.Select(q => new QuoteBlock(q.Text, Attribution(q.Attribution), $"quote-{q.QuoteId}")));
            }
            b.Add(new Group("theme", $"theme-{t.ThemeId}", g));
        }
        return new("themes", "What we heard", b);
    }

    /// <summary>"11 people (55% of contributors)", or the analysis's words where either figure was held back.</summary>
    private static string ThemePeople(ReportFacts f, FindingTheme t) =>
        People(t.People, f.MinimumGroupSize, t.PeopleShown) + (t.People is null ? "" : t.Prevalence is { } p ? $" ({Share(p)} of contributors)" : "");

    private static string Prevalence(FindingTheme t) => t.Prevalence is { } p ? Share(p) : !string.IsNullOrWhiteSpace(t.PrevalenceShown) ? t.PrevalenceShown : "not shown";

    /// <summary>A count of people in the key figures: "120" "people took part", or "fewer than 10" "people took part".</summary>
    private static KeyFigure PeopleFigure(int? n, string shown, int minimum, string what) =>
        new(Count(n, minimum, shown), $"{Words.Noun(n ?? 2, "person", "people")} {what}");

    private static OutlineSection OpinionGroups(ReportFacts f)
    {
        var b = new List<Block>();
        if (f.Analysis.OpinionGroups is not { } o || (o.Groups ?? []).Count == 0)
            return new("opinion-groups", "Opinion groups", [new NotAvailable("there were not enough votes to find opinion groups")]);
        var min = f.MinimumGroupSize;
        b.Add(new Paragraph($"From the votes of {People(o.Participants, min, o.ParticipantsShown)}, {Words.Count(o.Groups!.Count, "group")} of people who tended to vote alike {(o.Groups.Count == 1 ? "was" : "were")} found. " +
                            "Each figure says which way the votes point: agree, disagree or pass."));
        foreach (var g in o.Groups)
        {
            var name = f.GroupName(g.GroupId);
            b.Add(new Heading(3, $"{name}: {People(g.Participants, min, g.ParticipantsShown)}"));
            if (!g.Published)
            {
                b.Add(new Paragraph($"This group is too small to describe: how it voted and who is in it are not shown, so that no one in it can be recognised."));
                continue;
            }
            if ((g.Representative ?? []).Count > 0)
                b.Add(new TableBlock($"What sets {name} apart", ["Statement", $"How {name} voted", "Agree share", "Disagree share", "Votes in the group"],
                    g.Representative!.Select(s => (IReadOnlyList<string>)[s.Text, OpinionWords.Reading(s, name), OpinionWords.AgreeShare(s), OpinionWords.DisagreeShare(s), Number(s.Votes)]).ToList(), NumericFrom: 2));
        }
        foreach (var (title, none, statements) in new[] { ("What every group agrees on", "No statement has the agreement of every group.", o.Consensus), ("What divides the groups", "No statement divides the groups.", o.Divisive) })
        {
            b.Add(new Heading(3, title));
            b.Add((statements ?? []).Count == 0 ? new Paragraph(none)
                : new TableBlock(title, ["Statement", "How everyone voted", "Agree share", "Disagree share", "How each group voted", "Votes"],
                    statements!.Select(s => (IReadOnlyList<string>)[s.Text, OpinionWords.Reading(s, "everyone who voted on it"), OpinionWords.AgreeShare(s), OpinionWords.DisagreeShare(s), OpinionWords.ByGroup(s), Number(s.Votes)]).ToList(), NumericFrom: 2));
        }
        return new("opinion-groups", "Opinion groups", b);
    }

    private static OutlineSection Recommendations(ReportFacts f)
    {
        var b = new List<Block>();
        AddNarrative(b, f, NarrativeSections.Recommendations);
        if (f.Recommendations.Count == 0) b.Add(new NotAvailable("the analysts made no recommendations"));
        foreach (var (audience, actions) in f.ByAudience())
        {
            b.Add(new Heading(3, $"For {Audiences.Name(audience).ToLowerInvariant()}", $"audience-{Slug(audience)}"));
            foreach (var r in actions)
            {
                var g = new List<Block> { new Heading(4, r.Title), new Paragraph(r.Text) };
                if (!string.IsNullOrWhiteSpace(r.Priority)) g.Add(new Paragraph($"Priority: {r.Priority}", Tone.Meta));
                if (r.Evidence is { } e)
                    g.Add(new Paragraph($"Evidence: raised by {People(e.People, f.MinimumGroupSize, e.PeopleShown)} in {Words.Count(e.Items, "contribution")}; {Number(e.Agree)} agree, {Number(e.Disagree)} disagree and {Number(e.Pass)} pass {Words.Noun(e.Agree + e.Disagree + e.Pass, "vote")} on them" +
                                        (e.SupportPercent is { } s ? $" ({Share(s)} of the agree and disagree votes agree)" : "") +
                                        ((e.GroupsAgreeing ?? []).Count > 0 ? $"; more votes agree than disagree in {string.Join(", ", e.GroupsAgreeing!.Select(f.GroupName))}." : ".")));
                else g.Add(new NotAvailable("no evidence figures were computed for this recommendation"));
                var themes = (r.ThemeIds ?? []).Select(id => f.ThemeById.GetValueOrDefault(id)).OfType<FindingTheme>().ToList();
                if (themes.Count > 0)
                {
                    var spans = new List<Span> { new("Rests on: ") };
                    for (var i = 0; i < themes.Count; i++)
                    {
                        if (i > 0) spans.Add(new(", "));
                        spans.Add(new(themes[i].Title, $"#theme-{themes[i].ThemeId}"));
                    }
                    spans.Add(new("."));
                    g.Add(new Paragraph(spans));
                }
                foreach (var q in (r.QuoteIds ?? []).Select(id => f.QuoteById.GetValueOrDefault(id)).OfType<QuoteFinding>().Take(2))
                    g.Add(new QuoteBlock(q.Text, Attribution(q.Attribution)));
                var problems = f.ProblemsAnswered(r);
                if (problems.Count > 0)
                {
                    g.Add(new Paragraph("Answers the seminar's problem statements:"));
                    g.Add(new ListBlock(problems.Select(p => (IReadOnlyList<Span>)[new(p.Text, $"#problem-{p.ProblemId}"), new($" ({p.InterestGroup})")]).ToList()));
                }
                if (f.ProgressOf.GetValueOrDefault(r.RecommendationId) is { } done)
                    g.Add(new Paragraph($"What was done: {Progress(done.Progress)}{(string.IsNullOrWhiteSpace(done.Note) ? "" : $" ({done.Note})")}, {Words.Date(done.RecordedAt)}.", Tone.Meta));
                b.Add(new Group("recommendation", $"rec-{r.RecommendationId}", g));
            }
        }
        if (SafeMarkdown.ToPlainText(f.Edition.NarrativeOf(NarrativeSections.NextSteps)).Length > 0)
        {
            b.Add(new Heading(3, "Next steps"));
            AddNarrative(b, f, NarrativeSections.NextSteps);
        }
        return new("recommendations", "Recommendations", b);
    }

    private static OutlineSection Appendices(ReportFacts f)
    {
        var b = new List<Block> { new Heading(3, "A. Codebook") };
        if (f.Codebook.Count == 0) b.Add(new NotAvailable("the codebook was not part of the analysis"));
        else
        {
            b.Add(new Paragraph("Each theme's codes with their definitions. When to apply each code, and an example, are in the codebook data table."));
            b.Add(new TableBlock("The codebook the analysts used", ["Code", "Definition"], CodebookRows(f).ToList()));
        }
        b.Add(new Heading(3, "B. Data tables"));
        b.Add(new Paragraph($"Every figure in this report, and the contributions behind each theme, can be downloaded as CSV files or one Excel workbook. Figures about fewer than {f.MinimumGroupSize} people read \u201cfewer than {f.MinimumGroupSize}\u201d there too."));
        // The themes table only: the recommendations are set out in full above, and the wide tables read better in a spreadsheet.
        if (DataTables.Build("themes", f) is { Rows.Count: > 0 } themes)
            b.Add(new TableBlock(themes.Title, themes.Columns, themes.Rows.Select(r => (IReadOnlyList<string>)r.Select(DataTables.Cell).ToList()).ToList(), NumericFrom: 2));
        b.Add(new Heading(3, "C. Open data used"));
        b.Add(new Paragraph(f.Workshop?.Attribution is { Length: > 0 } attribution ? attribution : "No open data was imported into this workshop."));
        return new("appendices", "Appendices", b);
    }

    /// <summary>Themes, each followed by its codes (indented by a dash), with their definitions.</summary>
    private static IEnumerable<IReadOnlyList<string>> CodebookRows(ReportFacts f)
    {
        var children = f.Codebook.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        IEnumerable<IReadOnlyList<string>> Walk(CodebookEntry code, int depth) =>
            [[new string('\u2014', depth) + (depth > 0 ? " " : "") + code.Name, code.Definition], .. children[code.CodeId].SelectMany(c => Walk(c, depth + 1))];
        return f.Codebook.Where(c => c.ParentId is null || !f.CodeById.ContainsKey(c.ParentId.Value)).SelectMany(r => Walk(r, 0));
    }

    private static void AddNarrative(List<Block> blocks, ReportFacts f, string section)
    {
        var text = f.Edition.NarrativeOf(section);
        if (!string.IsNullOrWhiteSpace(text)) blocks.Add(new Narrative(text));
    }

    /// <summary>"From 3 December 2026 to 10 December 2026", "On 3 December 2026", "From 3 December 2026".</summary>
    public static string? Dates(WorkshopFacts w) => (w.OpenedAt, w.ClosedAt) switch
    {
        ({ } o, { } c) => Words.DateRange(UkDate(o), UkDate(c)),
        ({ } o, null) => $"From {Words.Date(o)}",
        _ => null
    };

    /// <summary>The day an instant falls on in the UK, as <see cref="Words.Date(DateTimeOffset)"/> reads it.</summary>
    private static DateOnly UkDate(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london) ? london : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    public static string Progress(Contracts.RecommendationProgress p) => p switch
    {
        Contracts.RecommendationProgress.Planned => "planned",
        Contracts.RecommendationProgress.InProgress => "in progress",
        Contracts.RecommendationProgress.Done => "done",
        _ => "declined"
    };

    public static string Slug(string audience) => audience.Length == 0 ? "everyone" : audience;
}
