using global::Engage.Analysis.Contracts;
using global::Engage.Reporting.Charts;
using global::Engage.Reporting.Content;
using global::Engage.Reporting.Outputs;
using global::Engage.Reporting.Reports;

namespace Engage.UnitTests;

public class when_staff_write_narrative_in_markdown
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img")]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "<p>x</p>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("![a chart](https://tracker.example/pixel.png)", "<p>a chart</p>")]
    public void nothing_that_runs_or_fetches_gets_through(string markdown, string expected)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void safe_links_and_emphasis_are_kept()
    {
        var html = SafeMarkdown.ToHtml("**Read** [the NHS site](https://www.nhs.uk) or [theme](#theme-1) or <mailto:team@example.org>");
        Assert.Contains("<strong>Read</strong>", html);
        Assert.Contains("href=\"https://www.nhs.uk\"", html);
        Assert.Contains("href=\"#theme-1\"", html);
        Assert.Contains("mailto:team@example.org", html);
    }
}

public class when_two_editions_of_a_report_are_compared
{
    private static AnalysisPublished Analysis(params (Guid Id, string Title, int People)[] themes) =>
        new(Guid.NewGuid(), Guid.NewGuid(), null, "Report", DateTimeOffset.UnixEpoch, null, new ParticipationFigures(100, 90, 80, 85, 300, 0, 900, [], "100 people", "90 people", "80 people", "85 people"), null!,
            themes.Select(t => new FindingTheme(t.Id, t.Title, "", [], t.People, t.People, t.People, [], [], 0, 0, new SentimentFigures(0, 0, 0, 0), [], [], [])).ToList(),
            null, [], []);

    private static ReportEdition Edition(AnalysisPublished a, int? version, string summary) =>
        new(Guid.Empty, a.Title, version, version is null ? null : DateTimeOffset.UnixEpoch, a, new Dictionary<string, string> { ["summary"] = summary }, []);

    [Fact]
    public void it_names_the_themes_added_removed_and_changed_and_the_narrative_rewritten()
    {
        var (kept, dropped, added) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var changes = ReportChanges.Between(
            Edition(Analysis((kept, "Supervision", 40), (dropped, "Pay", 10)), 1, "Old words."),
            Edition(Analysis((kept, "Supervision", 55), (added, "Titles", 12)), null, "New words."));

        Assert.Equal("version 1", changes.From);
        Assert.Equal("the draft", changes.To);
        Assert.Contains(changes.Themes, t => t.Theme == "Supervision" && t.PeopleBefore == 40 && t.PeopleAfter == 55);
        Assert.Contains(changes.Themes, t => t.Theme == "Pay" && t.PeopleAfter is null);
        Assert.Contains(changes.Themes, t => t.Theme == "Titles" && t.PeopleBefore is null);
        Assert.Equal("Executive summary", Assert.Single(changes.Narrative).Name);
        Assert.Empty(changes.Figures);
    }

    [Fact]
    public void an_edition_compared_with_itself_has_no_changes()
    {
        var edition = Edition(Analysis((Guid.NewGuid(), "Supervision", 40)), 1, "Same.");
        Assert.True(ReportChanges.Between(edition, edition).None);
    }
}

public class when_a_theme_is_broken_down_by_group
{
    [Fact]
    public void only_breakdowns_where_groups_differ_are_charted_and_suppressed_groups_have_no_bar()
    {
        var differs = new ThemeBreakdown("profession", [new BreakdownCell("Nurse", 20, 40, 50), new BreakdownCell("Paramedic", null, null, null)], 9.1, 1, 0.003);
        var same = new ThemeBreakdown("region", [new BreakdownCell("London", 10, 40, 25)], 0.2, 1, 0.65);
        var untested = new ThemeBreakdown("sector", [], null, 0, null);
        var theme = new FindingTheme(Guid.NewGuid(), "Supervision", "", [], 1, 1, 1, [], [differs, same, untested], 0, 0, new SentimentFigures(0, 0, 0, 0), [], [], []);

        var (shown, quiet) = global::Engage.Reporting.Charts.Breakdowns.Split(theme);
        Assert.Equal([differs], shown);
        Assert.Equal([same, untested], quiet);

        var svg = SvgChart.Render(BarChart.Breakdown("Supervision", "Profession", differs, 10), "c");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "<rect"));
        Assert.Contains("fewer than 10", svg);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], PngChart.Render(BarChart.Breakdown("Supervision", "Profession", differs, 10))[..4]);
    }
}
