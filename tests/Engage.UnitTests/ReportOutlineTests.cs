using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using global::Engage.Analysis.Contracts;
using global::Engage.Reporting.Content;
using global::Engage.Reporting.Outputs;
using Paragraph = global::Engage.Reporting.Content.Paragraph;

namespace Engage.UnitTests;

/// <summary>A frozen analysis with every section: a suppressed group, a group that disagrees, a role key and an attribute key as the contract carries them.</summary>
internal static class OutlineSample
{
    public static readonly Guid Theme = Guid.NewGuid(), Quote = Guid.NewGuid(), Problem = Guid.NewGuid(), Question = Guid.NewGuid();

    public static AnalysisPublished Analysis()
    {
        var evidence = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        var opened = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var theme = new FindingTheme(Theme, "Protected time for supervision", "Time set aside for supervision.", [Question], 12, 11, 55.0,
            [new SubthemeFigure(Guid.NewGuid(), "Weekly sessions", 6, null, "fewer than 10 people")],
            [new ThemeBreakdown("yearsInPractice", [new BreakdownCell("Under 5", 12, 24, 50.0, "12", "24"), new BreakdownCell("Over 20", null, null, null, "fewer than 10", "fewer than 10"),
                new BreakdownCell("5 to 20", null, 30, null, "not shown", "30")], 6.6, 1, 0.01, "Years in practice"),
             new ThemeBreakdown("region", [new BreakdownCell("London", 11, 20, 55.0, "11", "20")], 0.5, 1, 0.48, "Region")],
            7, 5, new SentimentFigures(4, 6, 2, 0.1),
            [new GroupView(0, 2, 8, 1, 18.2, 72.7, 9.1, VoteDirection.Disagree)],
            [new QuoteFinding(Quote, evidence[0], "I need protected time for supervision every week.", "ProgrammeStaff, North West", [Theme])],
            evidence, "11 people", "55%");
        GroupShare Share(string reading, double agree, double disagree) => new(0, "Group A", agree, disagree, 100 - agree - disagree, 10, agree > disagree ? VoteDirection.Agree : VoteDirection.Disagree, reading);
        return new AnalysisPublished(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "What we heard about advanced practice", opened.AddDays(20),
            new WorkshopFacts(Guid.NewGuid(), null, "Advanced practice workshop", opened, opened.AddDays(7),
                [new WorkshopQuestion(Question, "What would help?", "Tell us.", ["What would make supervision work?"], [new ProblemStatement(Problem, "No common standard", "Regulators")])], 10, null),
            new ParticipationFigures(40, 30, null, 25, 13, 1, 161,
                [new AttributeCounts("yearsInPractice", [new GroupCount("Under 5", 30, "30"), new GroupCount("Over 20", null, "fewer than 10")], "Years in practice"),
                 new AttributeCounts("role", [new GroupCount("ProgrammeStaff", 31, "31"), new GroupCount("Participant", null, "not shown")])],
                "40 people", "30 people", "fewer than 10 people", "25 people"),
            new MethodFacts(2, 3, 2, 12, 12, new ReliabilityFigures(0.82, 0.91, 0.79, 12, 2, [new CodeReliabilityFigure(Theme, "Protected time for supervision", 0.82, 0.9)]), "Reflexive thematic analysis."),
            [theme],
            new OpinionFindings(25, [new OpinionGroupFinding(0, "Group A", 15, [new StatementFinding(evidence[1], "Supervision can wait", 10, 10, 80, 10, VoteDirection.Disagree, "80% of Group A disagree", [Share("80% of Group A disagree", 10, 80)])], [], "15 people"),
                                     new OpinionGroupFinding(1, "Group B", null, [], [], "fewer than 10 people", Published: false)],
                [new StatementFinding(evidence[2], "Everyone wants supervision", 90, 20, 5, 5, VoteDirection.Agree, "90% of everyone who voted on it agree", [Share("95% of Group A agree", 95, 5)])],
                [new StatementFinding(evidence[3], "Titles matter", 45, 20, 50, 5, VoteDirection.Disagree, "50% of everyone who voted on it disagree", [Share("70% of Group A disagree", 25, 70)])], "25 people"),
            [new RecommendedAction(Guid.NewGuid(), "employers", "Protect supervision time", "Give every ACP an hour a week.", "high", [Theme], [Theme], [Quote], [Question], [Problem],
                new RecommendationEvidence(12, 1, 30, 6, 2, 83.3, [0], "12 people"))],
            [new CodebookEntry(Theme, null, "Protected time for supervision", "Time set aside", "Any mention", "None", "An hour a week", "#005eb8")]);
    }

    public static ReportEdition Edition(AnalysisPublished? analysis = null) =>
        new(Guid.NewGuid(), "What we heard about advanced practice", 1, new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero), analysis ?? Analysis(),
            new Dictionary<string, string> { [NarrativeSections.Summary] = "We **heard** from many people." }, []);

    /// <summary>Every piece of text the outline asks a format to show, as the reader sees it.</summary>
    public static IEnumerable<string> Texts(ReportOutline outline) =>
        outline.Sections.Select(s => s.Title).Concat(outline.Blocks().SelectMany(b => b switch
        {
            Heading h => [h.Text],
            Paragraph p => [p.Text],
            KeyFigures k => k.Figures.Select(f => f.Text),
            ListBlock l => l.Texts,
            TableBlock t => [t.Caption, .. t.Columns, .. t.Rows.SelectMany(r => r)],
            QuoteBlock q => [$"\u201c{q.Text}\u201d", .. string.IsNullOrEmpty(q.Attribution) ? Array.Empty<string>() : [q.Attribution]],
            NotAvailable n => [n.Text],
            _ => Array.Empty<string>()
        })).Where(t => t.Length > 0);

    public static string Normal(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    /// <summary>The text of each paragraph, heading, list item and table cell of the web page.</summary>
    public static HashSet<string> HtmlTexts(string body)
    {
        var html = XDocument.Parse(body);
        string[] blocks = ["h1", "h2", "h3", "h4", "p", "li", "th", "td", "caption", "footer"];
        return html.Descendants().Where(e => blocks.Contains(e.Name.LocalName) && !e.Ancestors().Any(a => a.Name.LocalName == "svg"))
            .Select(e => Normal(string.Concat(e.DescendantNodes().OfType<XText>().Select(t => t.Value)))).ToHashSet();
    }

    /// <summary>The text of each Word paragraph (a table cell is one), without the bullet, number or dash Word puts in front.</summary>
    public static HashSet<string> WordTexts(byte[] docx)
    {
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(docx));
        var xml = XDocument.Load(zip.GetEntry("word/document.xml")!.Open());
        return xml.Descendants(w + "p").Select(p => Normal(string.Concat(p.Descendants(w + "t").Select(t => t.Value))))
            .Select(t => Regex.Replace(t, @"^(\u2022 |\d+\. |\u2014 )", "")).ToHashSet();
    }

    public static byte[] Word(ReportOutline outline)
    {
        var stream = new MemoryStream();
        WordReport.Write(outline, stream);
        return stream.ToArray();
    }
}

public class when_the_report_is_rendered_in_every_format
{
    [Fact]
    public void every_sentence_heading_figure_and_table_cell_of_the_outline_is_in_the_web_page_and_the_word_document_word_for_word()
    {
        var outline = ReportOutlines.Build(OutlineSample.Edition());
        var html = OutlineSample.HtmlTexts(HtmlReport.Body(outline));
        var word = OutlineSample.WordTexts(OutlineSample.Word(outline));

        var texts = OutlineSample.Texts(outline).Select(OutlineSample.Normal).Distinct().ToList();
        Assert.True(texts.Count > 100, $"the outline has only {texts.Count} texts");
        Assert.Equal([], texts.Where(t => !html.Contains(t)));
        Assert.Equal([], texts.Where(t => !word.Contains(t)));
    }

    [Fact]
    public void the_word_document_has_the_opinion_groups_and_the_reliability_thresholds_the_web_page_has()
    {
        var outline = ReportOutlines.Build(OutlineSample.Edition());
        var word = OutlineSample.WordTexts(OutlineSample.Word(outline));
        Assert.Contains("Opinion groups", word);
        Assert.Contains(word, t => t.Contains("Cohen's kappa 0.79") && t.Contains("0.8 or more is reliable"));
        Assert.Contains("What every group agrees on", word);
    }

    [Fact]
    public void the_excel_sheets_and_csv_files_hold_the_data_tables_of_the_outline_cell_for_cell()
    {
        var outline = ReportOutlines.Build(OutlineSample.Edition());
        var stream = new MemoryStream();
        ExcelTables.Write(outline.DataTables, stream);
        using var zip = new ZipArchive(new MemoryStream(stream.ToArray()));
        XNamespace s = "http://schemas.openxmlformats.org/spreadsheetml/2006/main", rid = "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            rel = "http://schemas.openxmlformats.org/package/2006/relationships";
        var book = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        var targets = XDocument.Load(zip.GetEntry("xl/_rels/workbook.xml.rels")!.Open()).Descendants(rel + "Relationship")
            .ToDictionary(x => (string)x.Attribute("Id")!, x => ((string)x.Attribute("Target")!).TrimStart('/').Replace("xl/", ""));
        foreach (var table in outline.DataTables)
        {
            var id = (string)book.Descendants(s + "sheet").Single(x => (string)x.Attribute("name")! == table.Name).Attribute(rid + "id")!;
            var sheet = XDocument.Load(zip.GetEntry("xl/" + targets[id])!.Open());
            var rows = sheet.Descendants(s + "row").Select(r => r.Elements(s + "c").Select(c => c.Value).ToList()).ToList();
            var csv = System.Text.Encoding.UTF8.GetString(CsvTables.Write(table)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1 + table.Rows.Count, rows.Count);
            Assert.Equal(1 + table.Rows.Count, csv.Length);
            for (var r = 0; r < table.Rows.Count; r++)
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var expected = table.Rows[r][c] switch { null => "", double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture), var v => v.ToString()! };
                    Assert.Equal(expected, rows[r + 1][c]);
                }
        }
        var themes = outline.DataTables.Single(t => t.Name == "themes");
        var appendix = outline.Blocks().OfType<TableBlock>().Single(t => t.Caption == themes.Title);
        Assert.Equal(themes.Rows.Select(r => r.Select(DataTables.Cell)), appendix.Rows);
    }

    [Fact]
    public void a_figure_about_fewer_people_than_the_minimum_reads_fewer_than_10_in_every_format_and_never_as_a_number()
    {
        var outline = ReportOutlines.Build(OutlineSample.Edition());
        var html = HtmlReport.Body(outline);
        var word = string.Join("\n", OutlineSample.WordTexts(OutlineSample.Word(outline)));
        var participation = System.Text.Encoding.UTF8.GetString(CsvTables.Write(outline.DataTables.Single(t => t.Name == "participation")));
        var breakdowns = System.Text.Encoding.UTF8.GetString(CsvTables.Write(outline.DataTables.Single(t => t.Name == "breakdowns")));

        Assert.Contains("<td class=\"n\">fewer than 10</td>", html);
        Assert.Contains("fewer than 10", word);
        Assert.Contains("\"Years in practice\",\"Over 20\",\"fewer than 10\"", participation);
        Assert.Contains("\"Role\",\"Participant\",\"not shown\"", participation);
        Assert.Contains("\"Over 20\",\"fewer than 10\",\"fewer than 10\",\"fewer than 10\",", breakdowns);
        Assert.Contains("\"5 to 20\",\"not shown\",30,\"not shown\",", breakdowns);
        Assert.DoesNotContain("Participant,", participation);
        // The suppressed group's bar is named with no length in the chart, in the same words.
        Assert.Contains("fewer than 10</text>", html);
    }
}

public class when_the_report_speaks_of_people
{
    [Fact]
    public void questions_roles_counts_and_dates_are_in_words()
    {
        var outline = ReportOutlines.Build(OutlineSample.Edition());
        var texts = OutlineSample.Texts(outline).ToList();
        var all = string.Join("\n", texts);

        Assert.Contains("Years in practice", texts);
        Assert.DoesNotContain("yearsInPractice", all);
        Assert.Contains("Programme staff", texts);
        Assert.Contains("Programme staff, North West", texts);
        Assert.DoesNotContain("ProgrammeStaff", all);
        Assert.Contains("fewer than 10 people wrote something", texts);
        Assert.Contains(texts, t => t.StartsWith("Evidence: raised by 12 people in 1 contribution;"));
        Assert.Contains(texts, t => t.Contains("wrote 13 contributions (besides 1 seed statement from the programme team"));
        Assert.DoesNotMatch(@"\b1 (people|items|contributions)\b", all);
        Assert.Contains("From 3 December 2026 to 10 December 2026", outline.TitleLines);
        Assert.Contains(texts, t => t.StartsWith("\u201cAdvanced practice workshop\u201d ran from 3 December 2026 to 10 December 2026."));
        Assert.Equal("Version 1, published 24 December 2026", outline.VersionLabel);
    }

    [Fact]
    public void the_report_links_to_the_page_that_says_how_each_figure_is_counted()
    {
        var onSite = ReportOutlines.Build(OutlineSample.Edition());
        var download = ReportOutlines.Build(OutlineSample.Edition(), "https://engage.example.nhs.uk/");
        Assert.Contains("href=\"/how-we-count\"", HtmlReport.Body(onSite));
        Assert.Contains("href=\"https://engage.example.nhs.uk/how-we-count\"", HtmlReport.Body(download));
    }
}

public class when_an_opinion_group_rejects_a_statement
{
    [Fact]
    public void the_report_says_it_disagrees_in_the_words_of_the_opinion_groups_page_in_every_format()
    {
        var outline = ReportOutlines.Build(OutlineSample.Edition());
        var table = outline.Blocks().OfType<TableBlock>().Single(t => t.Caption == "What sets Group A apart");
        Assert.Equal(["Supervision can wait", "80% of Group A disagree", "10%", "80%", "10"], table.Rows[0]);
        Assert.Contains("80% of Group A disagree", OutlineSample.HtmlTexts(HtmlReport.Body(outline)));
        Assert.Contains("80% of Group A disagree", OutlineSample.WordTexts(OutlineSample.Word(outline)));

        // Consensus and divisive statements show both shares, overall and group by group.
        var divisive = outline.Blocks().OfType<TableBlock>().Single(t => t.Caption == "What divides the groups");
        Assert.Equal(["Titles matter", "50% of everyone who voted on it disagree", "45%", "50%", "70% of Group A disagree", "20"], divisive.Rows[0]);

        // A theme's group votes give every share and the way most went.
        var views = outline.Blocks().OfType<TableBlock>().Single(t => t.Caption.EndsWith("how the opinion groups voted on its contributions"));
        Assert.Equal(["Group A", "2", "8", "1", "18%", "73%", "9.1%", "disagree"], views.Rows[0]);
    }

    [Fact]
    public void a_group_too_small_to_describe_is_named_with_no_statements_or_profile()
    {
        var outline = ReportOutlines.Build(OutlineSample.Edition());
        var section = outline.Sections.Single(s => s.Id == "opinion-groups");
        var at = section.Blocks.ToList().FindIndex(b => b is Heading { Text: "Group B: fewer than 10 people" });
        Assert.True(at >= 0);
        Assert.StartsWith("This group is too small to describe", Assert.IsType<Paragraph>(section.Blocks[at + 1]).Text);
        Assert.DoesNotContain(outline.Blocks().OfType<TableBlock>(), t => t.Caption.Contains("Group B"));
    }

    [Fact]
    public void an_analysis_frozen_before_directions_were_carried_never_calls_the_groups_share_agreement()
    {
        var old = OutlineSample.Analysis();
        old = old with { OpinionGroups = old.OpinionGroups! with { Groups = [old.OpinionGroups.Groups[0] with { Representative = [new StatementFinding(Guid.NewGuid(), "Supervision can wait", 80, 10)] }] } };
        var row = ReportOutlines.Build(OutlineSample.Edition(old)).Blocks().OfType<TableBlock>().Single(t => t.Caption == "What sets Group A apart").Rows[0];
        Assert.Equal(["Supervision can wait", "80% of Group A voted the way that sets it apart", "not measured", "not measured", "10"], row);
    }
}
