using Engage.Analysis.Contracts;
using Engage.Reporting.Charts;
using Engage.Reporting.Content;
using static Engage.Reporting.Outputs.HtmlReport;

namespace Engage.Reporting.Outputs;

/// <summary>
/// The report as a Word document staff can edit: the same sections as the web page, with headings,
/// tables and the charts as pictures. Words that can be shared with the HTML come from it.
/// </summary>
public static class WordReport
{
    public static void Write(ReportEdition edition, Stream output)
    {
        var f = edition.Facts();
        // Drawing the charts is most of the work: done first, on every core.
        var pictures = ChartsOf(f).DistinctBy(c => c.Key).AsParallel().ToDictionary(c => c.Key, PngChart.Render);
        using var w = new WordWriter(output, edition.Title);
        w.Paragraph("INSIGHT REPORT", "Caption");
        w.Title(edition.Title);
        if (f.Workshop is { } workshop)
        {
            w.Paragraph($"What people told us in the workshop \u201c{workshop.Title}\u201d");
            if (Dates(workshop) is { } dates) w.Paragraph(dates);
        }
        w.Paragraph(edition.VersionLabel, "Meta");
        w.PageBreak();
        w.Contents();
        w.PageBreak();

        w.Heading(1, "Executive summary");
        Narrative(w, f, NarrativeSections.Summary);
        w.Heading(2, "Key figures");
        if (f.Participation is { } p)
            foreach (var (value, label) in new[] { (p.TookPartShown, "took part"), (p.ContributorsShown, "wrote something"), (p.Contributions.ToString("N0"), "contributions"),
                         (p.Votes.ToString("N0"), "votes"), (f.Themes.Count.ToString("N0"), "themes"), (f.Recommendations.Count.ToString("N0"), "recommendations") })
                w.Bullet($"{value} {label}");
        else NotAvailable(w, "the participation figures were not part of the analysis");
        if (f.Themes.Count > 0)
        {
            w.Heading(2, "The themes raised most often");
            foreach (var t in f.Themes.Take(5)) w.Bullet($"{t.Title}: {t.PeopleShown}{(t.Prevalence is null ? "" : $" ({t.PrevalenceShown} of contributors)")}");
        }

        w.Heading(1, "Background and method");
        Narrative(w, f, NarrativeSections.Background);
        w.Heading(2, "The seminar: who framed the problems");
        var problems = f.ProblemById.Values.OrderBy(x => x.InterestGroup).ToList();
        if (problems.Count == 0) NotAvailable(w, "no seminar problem statements came with this analysis");
        else w.Table("Problem statements from the seminar", ["Problem statement", "Raised by"], problems.Select(x => (IReadOnlyList<string>)[x.Text, x.InterestGroup]));
        w.Heading(2, "The workshop");
        if (f.Workshop is not { } ws) NotAvailable(w, "this analysis was not of a workshop, so there are no workshop dates or questions");
        else
        {
            w.Paragraph($"\u201c{ws.Title}\u201d{(Dates(ws) is { } d ? $" ran {d.ToLowerInvariant()}" : "")}. Figures about groups of fewer than {ws.MinimumGroupSize} people are not shown.");
            foreach (var q in ws.Questions ?? [])
            {
                w.Heading(3, q.Title);
                if (!string.IsNullOrWhiteSpace(q.Description)) w.Paragraph(q.Description);
                foreach (var prompt in q.Prompts ?? []) w.Bullet(prompt);
            }
        }
        w.Heading(2, "How the analysis was done");
        if (f.Method is not { } m) NotAvailable(w, "the analysis method was not recorded");
        else
        {
            if (!string.IsNullOrWhiteSpace(m.Approach)) w.Paragraph(m.Approach);
            w.Paragraph($"{m.Coders} analyst{(m.Coders == 1 ? "" : "s")} coded {m.CodedItems:N0} of {m.Items:N0} items with version {m.CodebookVersion} of a codebook of {m.Codes} codes (appendix A).");
            if (m.Reliability is not { } r) NotAvailable(w, "no double-coded sample was measured, so agreement between coders is not available");
            else
            {
                w.Paragraph($"{r.Coders} coders independently coded a sample of {r.Units:N0} items. Krippendorff's alpha was {Num(r.KrippendorffAlpha, "0.00")}, percent agreement {Pct(r.PercentAgreement * 100)}.");
                if ((r.ByCode ?? []).Count > 0)
                    w.Table("Agreement by code", ["Code", "Krippendorff's alpha", "Percent agreement"], r.ByCode!.Select(c => (IReadOnlyList<string>)[c.Code, Num(c.KrippendorffAlpha, "0.00"), Pct(c.PercentAgreement * 100)]));
            }
        }

        w.Heading(1, "Who took part");
        Narrative(w, f, NarrativeSections.Participation);
        if (f.Participation is not { } part) NotAvailable(w, "the participation figures were not part of the analysis");
        else
        {
            w.Paragraph($"{part.RegisteredShown} registered; {part.ContributorsShown} wrote {Engage.Platform.Wording.Words.Count(part.Contributions, "contribution")} and {Engage.Platform.Wording.Words.Count(part.Votes, "vote")} were cast. Groups of fewer than {f.MinimumGroupSize} people are not shown.");
            foreach (var a in part.ByAttribute ?? [])
            {
                w.Heading(2, $"By {a.Attribute}");
                Chart(w, BarChart.Participation(a, f.MinimumGroupSize), pictures);
                w.Table($"People by {a.Attribute}", [Cap(a.Attribute), "People"], (a.Groups ?? []).Select(g => (IReadOnlyList<string>)[g.Value, g.Count?.ToString("N0") ?? $"fewer than {f.MinimumGroupSize}"]));
            }
        }

        w.Heading(1, "What we heard");
        Narrative(w, f, NarrativeSections.Themes);
        if (f.Themes.Count == 0) NotAvailable(w, "the analysis found no themes");
        else Chart(w, BarChart.Prevalence(f.Themes), pictures);
        foreach (var t in f.Themes) Theme(w, f, t, pictures);

        w.Heading(1, "Recommendations");
        Narrative(w, f, NarrativeSections.Recommendations);
        if (f.Recommendations.Count == 0) NotAvailable(w, "the analysts made no recommendations");
        foreach (var (audience, actions) in f.ByAudience())
        {
            w.Heading(2, $"For {Audiences.Name(audience).ToLowerInvariant()}");
            foreach (var r in actions) Recommendation(w, f, r);
        }
        if (SafeMarkdown.ToPlainText(edition.NarrativeOf(NarrativeSections.NextSteps)).Length > 0)
        {
            w.Heading(2, "Next steps");
            Narrative(w, f, NarrativeSections.NextSteps);
        }

        w.Heading(1, "Appendices");
        w.Heading(2, "A. Codebook");
        if (f.Codebook.Count == 0) NotAvailable(w, "the codebook was not part of the analysis");
        else w.Table("The codebook the analysts used", ["Code", "Definition"], CodebookRows(f).Select(r => (IReadOnlyList<string>)r));
        w.Heading(2, "B. Data tables");
        w.Paragraph("Every figure in this report, and the contributions behind each theme, can be downloaded as CSV files or one Excel workbook.");
        if (DataTables.Build("themes", f) is { Rows.Count: > 0 } table) Table(w, table);
        w.Heading(2, "C. Open data used");
        w.Paragraph(f.Workshop?.Attribution is { Length: > 0 } attribution ? attribution : "No open data was imported into this workshop.");
    }

    private static void Theme(WordWriter w, ReportFacts f, FindingTheme t, IReadOnlyDictionary<string, byte[]> pictures)
    {
        w.Heading(2, t.Title);
        if (!string.IsNullOrWhiteSpace(t.Description)) w.Paragraph(t.Description);
        Narrative(w, f, NarrativeSections.ForTheme(t.ThemeId));
        w.Paragraph($"Raised by {t.PeopleShown}{(t.Prevalence is null ? "" : $" ({t.PrevalenceShown} of contributors)")} in {Engage.Platform.Wording.Words.Count(t.Items, "contribution")}: {t.Issues:N0} describing issues and {t.Solutions:N0} proposing solutions.", "Meta");
        if ((t.Subthemes ?? []).Count > 0)
            w.Table($"{t.Title}: subthemes", ["Subtheme", "People", "Items"], t.Subthemes!.Select(x => (IReadOnlyList<string>)[x.Name, x.People?.ToString("N0") ?? x.PeopleShown, x.Items.ToString("N0")]));
        var (shown, quiet) = Breakdowns.Split(t);
        foreach (var b in shown)
        {
            w.Heading(3, $"By {b.Attribute}");
            Chart(w, BarChart.Breakdown(t.Title, b, f.MinimumGroupSize), pictures);
            w.Table($"{t.Title} by {b.Attribute}", [Cap(b.Attribute), "Raised it", "Group size", "Share"],
                (b.Cells ?? []).Select(c => (IReadOnlyList<string>)[c.Value, c.Count?.ToString("N0") ?? "not shown", c.GroupSize?.ToString("N0") ?? $"fewer than {f.MinimumGroupSize}", c.Percent is { } x ? Pct(x) : "not shown"]));
            w.Paragraph(b.ChiSquare is { } chi ? $"Pearson's chi-square = {chi:0.00} with {b.DegreesOfFreedom} degrees of freedom, p {PValue(b.PValue)}: the groups differ more than chance would explain." : "Too few people in the groups that can be shown to test for a difference.", "Meta");
        }
        if (quiet.Count > 0) w.Paragraph(Breakdowns.QuietSentence(quiet), "Meta");
        if ((t.GroupViews ?? []).Count > 0)
            w.Table($"{t.Title}: how the opinion groups voted on it", ["Opinion group", "Agree", "Disagree", "Pass", "Agree (%)"],
                t.GroupViews!.Select(g => (IReadOnlyList<string>)[DataTables.GroupName(f, g.GroupId), g.Agree.ToString("N0"), g.Disagree.ToString("N0"), g.Pass.ToString("N0"), Pct(g.AgreePercent)]));
        if ((t.Quotes ?? []).Count > 0)
        {
            w.Heading(3, "In their words");
            foreach (var q in t.Quotes!) w.Quote(q.Text, q.Attribution);
        }
    }

    private static void Recommendation(WordWriter w, ReportFacts f, RecommendedAction r)
    {
        w.Heading(3, r.Title);
        w.Paragraph(r.Text);
        if (!string.IsNullOrWhiteSpace(r.Priority)) w.Paragraph($"Priority: {r.Priority}", "Meta");
        if (r.Evidence is { } e)
            w.Paragraph($"Evidence: raised by {e.PeopleShown} in {Engage.Platform.Wording.Words.Count(e.Items, "contribution")}; {e.Agree:N0} agree and {e.Disagree:N0} disagree votes on them{(e.SupportPercent is { } s ? $" ({Pct(s)} support)" : "")}.");
        var themes = (r.ThemeIds ?? []).Select(id => f.ThemeById.GetValueOrDefault(id)?.Title).OfType<string>().ToList();
        if (themes.Count > 0) w.Paragraph($"Rests on: {string.Join(", ", themes)}.");
        foreach (var q in (r.QuoteIds ?? []).Select(id => f.QuoteById.GetValueOrDefault(id)).OfType<QuoteFinding>().Take(2)) w.Quote(q.Text, q.Attribution);
        var problems = f.ProblemsAnswered(r);
        if (problems.Count > 0)
        {
            w.Paragraph("Answers the seminar's problem statements:");
            foreach (var p in problems) w.Bullet($"{p.Text} ({p.InterestGroup})");
        }
        if (f.ProgressOf.GetValueOrDefault(r.RecommendationId) is { } done)
            w.Paragraph($"What was done: {Progress(done.Progress)}{(string.IsNullOrWhiteSpace(done.Note) ? "" : $" ({done.Note})")}, {done.RecordedAt:d MMMM yyyy}.", "Meta");
    }

    private static void Narrative(WordWriter w, ReportFacts f, string section)
    {
        var text = f.Edition.NarrativeOf(section);
        if (!string.IsNullOrWhiteSpace(text)) w.Markdown(SafeMarkdown.Parse(text));
    }

    private static void NotAvailable(WordWriter w, string why) => w.Paragraph($"Not available: {why}.", "NotAvailable");

    private static IEnumerable<BarChart> ChartsOf(ReportFacts f) =>
    [
        .. (f.Participation?.ByAttribute ?? []).Select(a => BarChart.Participation(a, f.MinimumGroupSize)),
        .. f.Themes.Count > 0 ? [BarChart.Prevalence(f.Themes)] : Array.Empty<BarChart>(),
        .. f.Themes.SelectMany(t => Breakdowns.Split(t).Shown.Select(b => BarChart.Breakdown(t.Title, b, f.MinimumGroupSize)))
    ];

    private static void Chart(WordWriter w, BarChart chart, IReadOnlyDictionary<string, byte[]> pictures) =>
        // 600 px wide fits A4 between the margins; the PNG is drawn at twice that for print.
        w.Picture(pictures.GetValueOrDefault(chart.Key) ?? PngChart.Render(chart), 600, chart.Height * 600 / BarChart.Width, $"{chart.Title}. The figures are in the table that follows or in the data tables.");

    private static void Table(WordWriter w, DataTable table) =>
        w.Table(table.Title, table.Columns, table.Rows.Select(r => (IReadOnlyList<string>)r.Select(Cell).ToList()));
}
