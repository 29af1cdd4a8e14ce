using System.Globalization;
using Engage.Analysis.Contracts;
using Engage.Reporting.Charts;
using Engage.Reporting.Content;
using static Engage.Reporting.Outputs.HtmlWriter;

namespace Engage.Reporting.Outputs;

/// <summary>
/// The report as one accessible HTML document: the web page in the portal, the HTML download, and
/// (printed by Chromium) the PDF. Sections follow the sponsoring body's order: summary, background and
/// method, who took part, what we heard, opinion groups, recommendations by audience, appendices.
/// </summary>
public static class HtmlReport
{
    /// <summary>A whole HTML file with its styles inlined.</summary>
    public static string Document(ReportEdition edition) =>
        $"""
         <!DOCTYPE html>
         <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
         <title>{Attr(edition.Title)}</title><style>body {"{"} margin: 0 auto; padding: 1rem 1.5rem; max-width: 1000px; {"}"} {ReportStyles.Css}</style></head>
         <body><main>{Body(edition)}</main></body></html>
         """;

    /// <summary>The report itself, for pages that give it their own layout.</summary>
    public static string Body(ReportEdition edition)
    {
        var f = edition.Facts();
        var h = new HtmlWriter();
        h.Raw("<article class=\"report\">");
        TitlePage(h, f);
        Contents(h, f);
        Summary(h, f);
        BackgroundAndMethod(h, f);
        WhoTookPart(h, f);
        Themes(h, f);
        OpinionGroups(h, f);
        Recommendations(h, f);
        Appendices(h, f);
        return h.Raw("</article>").ToString();
    }

    private static void TitlePage(HtmlWriter h, ReportFacts f)
    {
        h.Raw("<header class=\"title-page\">").Element("p", "Insight report", "class=\"kind\"").Element("h1", f.Edition.Title);
        if (f.Workshop is { } w)
        {
            h.Element("p", $"What people told us in the workshop \u201c{w.Title}\u201d");
            if (Dates(w) is { } dates) h.Element("p", dates);
        }
        h.Element("p", f.Edition.VersionLabel).Raw("</header>");
    }

    private static readonly (string Id, string Name)[] Sections =
    [
        ("summary", "Executive summary"), ("background", "Background and method"), ("participation", "Who took part"),
        ("themes", "What we heard"), ("opinion-groups", "Opinion groups"), ("recommendations", "Recommendations"), ("appendices", "Appendices")
    ];

    private static void Contents(HtmlWriter h, ReportFacts f)
    {
        h.Raw("<nav class=\"contents\" aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>");
        foreach (var (id, name) in Sections)
        {
            h.Raw($"<li><a href=\"#{id}\">").Text(name).Raw("</a>");
            if (id == "themes" && f.Themes.Count > 0)
            {
                h.Raw("<ol>");
                foreach (var t in f.Themes) h.Raw($"<li><a href=\"#theme-{t.ThemeId}\">").Text(t.Title).Raw("</a></li>");
                h.Raw("</ol>");
            }
            if (id == "recommendations" && f.Recommendations.Count > 0)
            {
                h.Raw("<ol>");
                foreach (var (audience, _) in f.ByAudience()) h.Raw($"<li><a href=\"#audience-{Slug(audience)}\">").Text(Audiences.Name(audience)).Raw("</a></li>");
                h.Raw("</ol>");
            }
            h.Raw("</li>");
        }
        h.Raw("</ol></nav>");
    }

    private static void Summary(HtmlWriter h, ReportFacts f)
    {
        Open(h, "summary", "Executive summary");
        Narrative(h, f, NarrativeSections.Summary);
        h.Element("h3", "Key figures");
        if (f.Participation is { } p)
        {
            h.Raw("<ul class=\"figures\">");
            Figure(h, p.TookPart, p.TookPartShown, "took part");
            Figure(h, p.Contributors, p.ContributorsShown, "wrote something");
            Figure(h, p.Contributions, "contributions");
            Figure(h, p.Votes, "votes");
            Figure(h, f.Themes.Count, "themes");
            Figure(h, f.Recommendations.Count, "recommendations");
            h.Raw("</ul>");
        }
        else NotAvailable(h, "the participation figures were not part of the analysis");
        if (f.Themes.Count > 0)
        {
            h.Element("h3", "The themes raised most often").Raw("<ol>");
            foreach (var t in f.Themes.Take(5))
                h.Raw($"<li><a href=\"#theme-{t.ThemeId}\">").Text(t.Title).Raw("</a>: ").Text(t.People is null ? t.PeopleShown : $"{t.PeopleShown} ({t.PrevalenceShown} of contributors)").Raw("</li>");
            h.Raw("</ol>");
        }
        if (f.Recommendations.Count > 0)
        {
            h.Element("h3", "Recommendations at a glance").Raw("<ul>");
            foreach (var (audience, actions) in f.ByAudience())
                h.Raw("<li>").Text($"{Audiences.Name(audience)}: ").Raw($"<a href=\"#audience-{Slug(audience)}\">").Text($"{actions.Count} recommendation{(actions.Count == 1 ? "" : "s")}").Raw("</a></li>");
            h.Raw("</ul>");
        }
        Close(h);
    }

    private static void BackgroundAndMethod(HtmlWriter h, ReportFacts f)
    {
        Open(h, "background", "Background and method");
        Narrative(h, f, NarrativeSections.Background);
        h.Element("h3", "The seminar: who framed the problems");
        var problems = f.ProblemById.Values.ToList();
        if (problems.Count == 0) NotAvailable(h, "no seminar problem statements came with this analysis");
        else
        {
            h.Element("p", $"Leaders of {problems.Select(p => p.InterestGroup).Distinct().Count()} interest groups framed {problems.Count} problem statements, which the workshop's questions were built on.");
            h.Raw("<table><caption>Problem statements from the seminar</caption><thead><tr><th scope=\"col\">Problem statement</th><th scope=\"col\">Raised by</th></tr></thead><tbody>");
            foreach (var p in problems.OrderBy(p => p.InterestGroup))
                h.Raw($"<tr id=\"problem-{p.ProblemId}\"><td>").Text(p.Text).Raw("</td><td>").Text(p.InterestGroup).Raw("</td></tr>");
            h.Raw("</tbody></table>");
        }

        h.Element("h3", "The workshop");
        if (f.Workshop is not { } w) NotAvailable(h, "this analysis was not of a workshop, so there are no workshop dates or questions");
        else
        {
            h.Element("p", $"\u201c{w.Title}\u201d{(Dates(w) is { } d ? $" ran {d.ToLowerInvariant()}" : "")}. Figures about groups of fewer than {w.MinimumGroupSize} people are not shown.");
            foreach (var q in w.Questions ?? [])
            {
                h.Element("h4", q.Title);
                if (!string.IsNullOrWhiteSpace(q.Description)) h.Element("p", q.Description);
                if ((q.Prompts ?? []).Count > 0) { h.Raw("<ul>"); foreach (var prompt in q.Prompts!) h.Element("li", prompt); h.Raw("</ul>"); }
            }
        }

        h.Element("h3", "How the analysis was done");
        if (f.Method is not { } m) NotAvailable(h, "the analysis method was not recorded");
        else
        {
            if (!string.IsNullOrWhiteSpace(m.Approach)) h.Element("p", m.Approach);
            h.Element("p", $"{m.Coders} analyst{(m.Coders == 1 ? "" : "s")} coded {m.CodedItems:N0} of {m.Items:N0} items with version {m.CodebookVersion} of a codebook of {m.Codes} codes (appendix A).");
            h.Element("h4", "Agreement between coders");
            if (m.Reliability is not { } r) NotAvailable(h, "no double-coded sample was measured, so agreement between coders is not available");
            else
            {
                h.Element("p", $"{r.Coders} coders independently coded a sample of {r.Units:N0} items. Krippendorff's alpha was {Num(r.KrippendorffAlpha, "0.00")}" +
                               $" (0.8 or more is reliable; 0.667 to 0.8 allows tentative conclusions), percent agreement {Pct(r.PercentAgreement * 100)}" +
                               (r.CohenKappa is { } k ? $" and Cohen's kappa {k:0.00}." : "."));
                if ((r.ByCode ?? []).Count > 0)
                    Table(h, "Agreement by code", ["Code", "Krippendorff's alpha", "Percent agreement"], r.ByCode!.Select(c => new[] { c.Code, Num(c.KrippendorffAlpha, "0.00"), Pct(c.PercentAgreement * 100) }), numericFrom: 1);
            }
        }
        Close(h);
    }

    private static void WhoTookPart(HtmlWriter h, ReportFacts f)
    {
        Open(h, "participation", "Who took part");
        Narrative(h, f, NarrativeSections.Participation);
        if (f.Participation is not { } p) { NotAvailable(h, "the participation figures were not part of the analysis"); Close(h); return; }
        h.Element("p", $"{Cap(p.RegisteredShown)} registered; {p.ContributorsShown} wrote {Engage.Platform.Wording.Words.Count(p.Contributions, "contribution")} and {Engage.Platform.Wording.Words.Count(p.Votes, "vote")} were cast. " +
                       $"Groups of fewer than {f.MinimumGroupSize} people are not shown, so that no one can be recognised.");
        if ((p.ByAttribute ?? []).Count == 0) NotAvailable(h, "no profile answers were collected");
        var n = 0;
        foreach (var a in p.ByAttribute ?? [])
        {
            h.Element("h3", $"By {a.Attribute}");
            h.Raw(SvgChart.Render(BarChart.Participation(a, f.MinimumGroupSize), $"chart-participation-{n++}"));
            Table(h, $"People by {a.Attribute}", [Cap(a.Attribute), "People"],
                (a.Groups ?? []).Select(g => new[] { g.Value, g.Count is { } c ? c.ToString("N0") : $"fewer than {f.MinimumGroupSize}" }), numericFrom: 1);
        }
        Close(h);
    }

    private static void Themes(HtmlWriter h, ReportFacts f)
    {
        Open(h, "themes", "What we heard");
        Narrative(h, f, NarrativeSections.Themes);
        if (f.Themes.Count == 0) { NotAvailable(h, "the analysis found no themes"); Close(h); return; }
        h.Raw(SvgChart.Render(BarChart.Prevalence(f.Themes), "chart-prevalence"));
        Table(h, "Themes by how many people raised them", ["Theme", "People", "Share of contributors", "Items"],
            f.Themes.Select(t => new[] { t.Title, t.People?.ToString("N0") ?? t.PeopleShown, t.PrevalenceShown, t.Items.ToString("N0") }), numericFrom: 1);
        var chart = 0;
        foreach (var t in f.Themes)
        {
            h.Raw($"<section aria-labelledby=\"theme-{t.ThemeId}\">").Element("h3", t.Title, $"id=\"theme-{t.ThemeId}\"");
            if (!string.IsNullOrWhiteSpace(t.Description)) h.Element("p", t.Description);
            Narrative(h, f, NarrativeSections.ForTheme(t.ThemeId));
            h.Element("p", $"Raised by {t.PeopleShown}{(t.Prevalence is null ? "" : $" ({t.PrevalenceShown} of contributors)")} in {Engage.Platform.Wording.Words.Count(t.Items, "contribution")}: " +
                           $"{t.Issues:N0} describing issues and {t.Solutions:N0} proposing solutions.", "class=\"meta\"");
            if (t.Sentiment is { } s)
                h.Element("p", $"Tone: {s.Positive:N0} positive, {s.Neutral:N0} neutral and {s.Negative:N0} negative contributions.", "class=\"meta\"");
            var questions = (t.WorkshopThemeIds ?? []).Select(id => f.QuestionById.GetValueOrDefault(id)?.Title).OfType<string>().ToList();
            if (questions.Count > 0) h.Element("p", $"Heard in answer to: {string.Join("; ", questions)}.", "class=\"meta\"");
            if ((t.Subthemes ?? []).Count > 0)
                Table(h, $"{t.Title}: subthemes", ["Subtheme", "People", "Items"], t.Subthemes!.Select(x => new[] { x.Name, x.People?.ToString("N0") ?? x.PeopleShown, x.Items.ToString("N0") }), numericFrom: 1);
            var (shown, quiet) = Breakdowns.Split(t);
            foreach (var b in shown)
            {
                h.Element("h4", $"By {b.Attribute}");
                h.Raw(SvgChart.Render(BarChart.Breakdown(t.Title, b, f.MinimumGroupSize), $"chart-theme-{chart++}"));
                Table(h, $"{t.Title} by {b.Attribute}", [Cap(b.Attribute), "Raised it", "Group size", "Share"],
                    (b.Cells ?? []).Select(c => new[] { c.Value, c.Count?.ToString("N0") ?? "not shown", c.GroupSize?.ToString("N0") ?? $"fewer than {f.MinimumGroupSize}", c.Percent is { } x ? Pct(x) : "not shown" }), numericFrom: 1);
                h.Element("p", b.ChiSquare is { } chi
                    ? $"Pearson's chi-square = {chi:0.00} with {b.DegreesOfFreedom} degrees of freedom, p {PValue(b.PValue)}: {(b.PValue < 0.05 ? "the groups differ more than chance would explain" : "no clear difference between the groups")}."
                    : "Too few people in the groups that can be shown to test for a difference.", "class=\"meta\"");
            }
            if (quiet.Count > 0) h.Element("p", Breakdowns.QuietSentence(quiet), "class=\"meta\"");
            if ((t.GroupViews ?? []).Count > 0)
                Table(h, $"{t.Title}: how the opinion groups voted on it", ["Opinion group", "Agree", "Disagree", "Pass", "Agree (%)"],
                    t.GroupViews!.Select(g => new[] { DataTables.GroupName(f, g.GroupId), g.Agree.ToString("N0"), g.Disagree.ToString("N0"), g.Pass.ToString("N0"), g.AgreePercent is { } x ? Pct(x) : "no votes" }), numericFrom: 1);
            if ((t.Quotes ?? []).Count > 0)
            {
                h.Element("h4", "In their words");
                foreach (var q in t.Quotes!) Quote(h, q);
            }
            h.Raw("</section>");
        }
        Close(h);
    }

    private static void OpinionGroups(HtmlWriter h, ReportFacts f)
    {
        Open(h, "opinion-groups", "Opinion groups");
        if (f.Analysis.OpinionGroups is not { } o || (o.Groups ?? []).Count == 0) { NotAvailable(h, "there were not enough votes to find opinion groups"); Close(h); return; }
        h.Element("p", $"From the votes of {o.Participants:N0} people, {o.Groups!.Count} groups of people who tended to vote alike were found.");
        foreach (var g in o.Groups)
        {
            h.Element("h3", $"{DataTables.GroupName(f, g.GroupId)} ({g.Participants:N0} people)");
            Statements(h, $"What most distinguishes {DataTables.GroupName(f, g.GroupId)}", g.Representative);
        }
        Statements(h, "Where the groups agree", o.Consensus);
        Statements(h, "Where the groups divide", o.Divisive);
        Close(h);
    }

    private static void Recommendations(HtmlWriter h, ReportFacts f)
    {
        Open(h, "recommendations", "Recommendations");
        Narrative(h, f, NarrativeSections.Recommendations);
        if (f.Recommendations.Count == 0) { NotAvailable(h, "the analysts made no recommendations"); Close(h); return; }
        foreach (var (audience, actions) in f.ByAudience())
        {
            h.Element("h3", $"For {Audiences.Name(audience).ToLowerInvariant()}", $"id=\"audience-{Slug(audience)}\"");
            foreach (var r in actions)
            {
                h.Raw($"<div class=\"recommendation\" id=\"rec-{r.RecommendationId}\">").Element("h4", r.Title);
                h.Element("p", r.Text);
                if (!string.IsNullOrWhiteSpace(r.Priority)) h.Element("p", $"Priority: {r.Priority}", "class=\"meta\"");
                if (r.Evidence is { } e)
                    h.Element("p", $"Evidence: raised by {e.PeopleShown} in {Engage.Platform.Wording.Words.Count(e.Items, "contribution")}; {e.Agree:N0} agree and {e.Disagree:N0} disagree votes on them" +
                                   (e.SupportPercent is { } s ? $" ({Pct(s)} support)" : "") +
                                   ((e.GroupsAgreeing ?? []).Count > 0 ? $"; supported by a majority in {string.Join(", ", e.GroupsAgreeing!.Select(g => DataTables.GroupName(f, g)))}." : "."));
                else NotAvailable(h, "no evidence figures were computed for this recommendation");
                var themes = (r.ThemeIds ?? []).Select(id => f.ThemeById.GetValueOrDefault(id)).OfType<FindingTheme>().ToList();
                if (themes.Count > 0)
                {
                    h.Raw("<p>Rests on: ");
                    for (var i = 0; i < themes.Count; i++) h.Raw(i > 0 ? ", " : "").Raw($"<a href=\"#theme-{themes[i].ThemeId}\">").Text(themes[i].Title).Raw("</a>");
                    h.Raw("</p>");
                }
                var quotes = (r.QuoteIds ?? []).Select(id => f.QuoteById.GetValueOrDefault(id)).OfType<QuoteFinding>().ToList();
                foreach (var q in quotes.Take(2)) Quote(h, q, linkToTheme: true);
                var problems = f.ProblemsAnswered(r);
                if (problems.Count > 0)
                {
                    h.Raw("<p>Answers the seminar's problem statements:</p><ul>");
                    foreach (var p in problems) h.Raw($"<li><a href=\"#problem-{p.ProblemId}\">").Text(p.Text).Raw("</a> (").Text(p.InterestGroup).Raw(")</li>");
                    h.Raw("</ul>");
                }
                if (f.ProgressOf.GetValueOrDefault(r.RecommendationId) is { } done)
                    h.Element("p", $"What was done: {Progress(done.Progress)}{(string.IsNullOrWhiteSpace(done.Note) ? "" : $" ({done.Note})")}, {done.RecordedAt:d MMMM yyyy}.", "class=\"meta\"");
                h.Raw("</div>");
            }
        }
        Narrative(h, f, NarrativeSections.NextSteps, "Next steps");
        Close(h);
    }

    private static void Appendices(HtmlWriter h, ReportFacts f)
    {
        Open(h, "appendices", "Appendices");
        h.Element("h3", "A. Codebook");
        if (f.Codebook.Count == 0) NotAvailable(h, "the codebook was not part of the analysis");
        else
        {
            h.Element("p", "Each theme's codes with their definitions. When to apply each code, and an example, are in the codebook data table.");
            Table(h, "The codebook the analysts used", ["Code", "Definition"], CodebookRows(f));
        }
        h.Element("h3", "B. Data tables");
        h.Element("p", "Every figure in this report, and the contributions behind each theme, can be downloaded as CSV files or one Excel workbook.");
        // The themes table only: the recommendations are set out in full above, and the wide tables read better in a spreadsheet.
        if (DataTables.Build("themes", f) is { Rows.Count: > 0 } themes)
            Table(h, themes.Title, themes.Columns, themes.Rows.Select(r => r.Select(Cell).ToArray()), numericFrom: 2);
        h.Element("h3", "C. Open data used");
        h.Element("p", f.Workshop?.Attribution is { Length: > 0 } attribution ? attribution : "No open data was imported into this workshop.");
        Close(h);
    }

    // Helpers

    /// <summary>Themes, each followed by its codes (indented by a dash), with their definitions.</summary>
    internal static IEnumerable<string[]> CodebookRows(ReportFacts f)
    {
        var children = f.Codebook.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        IEnumerable<string[]> Walk(CodebookEntry code, int depth) =>
            [[new string('\u2014', depth) + (depth > 0 ? " " : "") + code.Name, code.Definition], .. children[code.CodeId].SelectMany(c => Walk(c, depth + 1))];
        var roots = f.Codebook.Where(c => c.ParentId is null || !f.CodeById.ContainsKey(c.ParentId.Value));
        return roots.SelectMany(r => Walk(r, 0));
    }

    private static void Open(HtmlWriter h, string id, string title) => h.Raw($"<section aria-labelledby=\"{id}\">").Element("h2", title, $"id=\"{id}\"");
    private static void Close(HtmlWriter h) => h.Raw("</section>");

    private static void Narrative(HtmlWriter h, ReportFacts f, string section, string? heading = null)
    {
        var html = SafeMarkdown.ToHtml(f.Edition.NarrativeOf(section));
        if (html.Length == 0) return;
        if (heading is not null) h.Element("h3", heading);
        h.Raw("<div class=\"narrative\">").Raw(html).Raw("</div>");
    }

    private static void NotAvailable(HtmlWriter h, string why) => h.Element("p", $"Not available: {why}.", "class=\"not-available\"");

    private static void Figure(HtmlWriter h, int? value, string shown, string label) =>
        h.Raw("<li><strong>").Text(value is { } v ? v.ToString("N0") : shown).Raw("</strong>").Text(label).Raw("</li>");
    private static void Figure(HtmlWriter h, int value, string label) => h.Raw("<li><strong>").Text(value.ToString("N0")).Raw("</strong>").Text(label).Raw("</li>");

    private static void Quote(HtmlWriter h, QuoteFinding q, bool linkToTheme = false)
    {
        h.Raw(linkToTheme ? "<blockquote>" : $"<blockquote id=\"quote-{q.QuoteId}\">").Element("p", $"\u201c{q.Text}\u201d");
        if (!string.IsNullOrWhiteSpace(q.Attribution)) h.Element("footer", q.Attribution);
        h.Raw("</blockquote>");
    }

    private static void Statements(HtmlWriter h, string caption, IReadOnlyList<StatementFinding>? statements)
    {
        if ((statements ?? []).Count == 0) return;
        Table(h, caption, ["Statement", "Agree (%)", "Votes"], statements!.Select(s => new[] { s.Text, Pct(s.AgreePercent), s.Votes.ToString("N0") }), numericFrom: 1);
    }

    private static void Table(HtmlWriter h, string caption, IReadOnlyList<string> columns, IEnumerable<string[]> rows, int numericFrom = 99)
    {
        h.Raw("<table>").Element("caption", caption).Raw("<thead><tr>");
        for (var i = 0; i < columns.Count; i++) h.Element("th", columns[i], i >= numericFrom ? "scope=\"col\" class=\"n\"" : "scope=\"col\"");
        h.Raw("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            h.Raw("<tr>");
            for (var i = 0; i < row.Length; i++) h.Element(i == 0 ? "th" : "td", row[i], i == 0 ? "scope=\"row\"" : i >= numericFrom ? "class=\"n\"" : null);
            h.Raw("</tr>");
        }
        h.Raw("</tbody></table>");
    }

    internal static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        int i => i.ToString("N0"),
        _ => value.ToString() ?? ""
    };

    internal static string Dates(WorkshopFacts w) => (w.OpenedAt, w.ClosedAt) switch
    {
        ({ } o, { } c) => $"From {o:d MMMM yyyy} to {c:d MMMM yyyy}",
        ({ } o, null) => $"From {o:d MMMM yyyy}",
        _ => null!
    };

    internal static string Progress(Contracts.RecommendationProgress p) => p switch
    {
        Contracts.RecommendationProgress.Planned => "planned",
        Contracts.RecommendationProgress.InProgress => "in progress",
        Contracts.RecommendationProgress.Done => "done",
        _ => "declined"
    };

    internal static string Pct(double value) => double.IsFinite(value) ? value.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "not measured";
    internal static string Pct(double? value) => value is { } v ? Pct(v) : "not measured";
    internal static string Num(double? value, string format) => value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "not measured";
    internal static string PValue(double? p) => p is not { } v ? "not measured" : v < 0.001 ? "< 0.001" : $"= {v.ToString("0.000", CultureInfo.InvariantCulture)}";
    internal static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    internal static string Slug(string audience) => audience.Length == 0 ? "everyone" : audience;
}
