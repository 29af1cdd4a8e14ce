using Engage.Platform.Web;
using Engage.Seminar.Capture;
using Engage.Seminar.Concluding;
using Engage.Seminar.Contracts;
using Engage.Seminar.Prioritising;
using Engage.Seminar.Seminars;
using SeminarDoc = Engage.Seminar.Seminars.Seminar;

namespace Engage.UnitTests;

/// <summary>A seminar built from its events, as the stream would fold it: the "given" of each test.</summary>
public sealed class GivenSeminar
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public SeminarDoc Seminar { get; }

    public GivenSeminar(int dots = 5)
    {
        Seminar = SeminarDoc.Create(new SeminarPlanned(Guid.NewGuid(),
            new SeminarDetails("ACP", "", Now, SeminarFormat.InPerson, "Leeds", "", ["Nursing", "Employers", "Regulators"], dots, []), Guid.NewGuid()));
    }

    public Guid Invitee(string group, Rsvp rsvp = Rsvp.Accepted)
    {
        var id = Guid.NewGuid();
        Seminar.Apply(new InviteeAdded(id, "Name", $"{id}@example.org", "Org", group, ""));
        if (rsvp != Rsvp.NoReply) Seminar.Apply(new RsvpRecorded(id, rsvp == Rsvp.Accepted, Now));
        return id;
    }

    public Guid Problem(string text, string group = "Nursing")
    {
        var id = Guid.NewGuid();
        Seminar.Apply(new ProblemSubmitted(id, text, "", "", group, null, Now));
        return id;
    }

    public Guid Theme(string title, params Guid[] problems)
    {
        var id = Guid.NewGuid();
        Seminar.Apply(new ThemeDrafted(id, title, "", problems, ["What should change?"], []));
        return id;
    }

    public void Dots(Guid invitee, params (Guid Theme, int Dots)[] dots) =>
        Seminar.Apply(new DotsPlaced(invitee, dots.ToDictionary(d => d.Theme, d => d.Dots), Now));
}

public class when_attendees_place_dots
{
    [Fact]
    public void they_may_spread_or_stack_dots_up_to_their_allowance()
    {
        var given = new GivenSeminar(dots: 5);
        var a = given.Theme("A");
        var b = given.Theme("B");
        var voter = given.Invitee("Nursing");

        var events = PlaceDotsHandler.Handle(new PlaceDots(given.Seminar.Id, voter, new() { [a] = 3, [b] = 2 }), given.Seminar, GivenSeminar.Now);

        Assert.Equal(5, Assert.IsType<DotsPlaced>(Assert.Single(events)).Dots.Values.Sum());
    }

    [Fact]
    public void dots_beyond_the_allowance_are_a_conflict()
    {
        var given = new GivenSeminar(dots: 5);
        var a = given.Theme("A");
        var voter = given.Invitee("Nursing");

        var broken = Assert.Throws<RuleBroken>(() =>
            PlaceDotsHandler.Handle(new PlaceDots(given.Seminar.Id, voter, new() { [a] = 6 }), given.Seminar, GivenSeminar.Now));
        Assert.Equal(409, broken.Status);
    }

    [Fact]
    public void negative_dots_or_dots_on_an_unknown_theme_are_refused()
    {
        var given = new GivenSeminar();
        var a = given.Theme("A");
        var voter = given.Invitee("Nursing");

        Assert.Equal(400, Assert.Throws<RuleBroken>(() =>
            PlaceDotsHandler.Handle(new PlaceDots(given.Seminar.Id, voter, new() { [a] = -1 }), given.Seminar, GivenSeminar.Now)).Status);
        Assert.Equal(400, Assert.Throws<RuleBroken>(() =>
            PlaceDotsHandler.Handle(new PlaceDots(given.Seminar.Id, voter, new() { [Guid.NewGuid()] = 1 }), given.Seminar, GivenSeminar.Now)).Status);
    }

    [Fact]
    public void a_new_placement_replaces_the_previous_one()
    {
        var given = new GivenSeminar();
        var a = given.Theme("A");
        var b = given.Theme("B");
        var voter = given.Invitee("Nursing");
        given.Dots(voter, (a, 5));
        given.Dots(voter, (b, 1));

        var result = DotResults.For(given.Seminar);
        Assert.Equal(0, result.Single(r => r.ThemeId == a).Dots);
        Assert.Equal(1, result.Single(r => r.ThemeId == b).Dots);
    }
}

public class when_the_results_are_ranked
{
    [Fact]
    public void themes_rank_by_dots_overall_and_within_each_interest_group()
    {
        var given = new GivenSeminar();
        var training = given.Theme("Training");
        var regulation = given.Theme("Regulation");
        var nurse = given.Invitee("Nursing");
        var employer = given.Invitee("Employers");
        given.Dots(nurse, (training, 4), (regulation, 1));
        given.Dots(employer, (training, 1), (regulation, 2));

        var results = DotResults.For(given.Seminar);

        Assert.Equal(["Training", "Regulation"], results.Select(r => r.Title));
        Assert.Equal([1, 2], results.Select(r => r.Rank));
        var reg = results.Single(r => r.Title == "Regulation");
        Assert.Equal(1, reg.RankByGroup["Employers"]);
        Assert.Equal(2, reg.RankByGroup["Nursing"]);
        Assert.Equal(2, reg.DotsByGroup["Employers"]);
    }

    [Fact]
    public void a_theme_the_groups_weigh_very_differently_is_divergent_and_one_they_share_is_not()
    {
        var given = new GivenSeminar();
        var contested = given.Theme("Contested");
        var shared = given.Theme("Shared");
        var nurse = given.Invitee("Nursing");
        var employer = given.Invitee("Employers");
        given.Dots(nurse, (contested, 4), (shared, 1));   // shares 0.8 and 0.2
        given.Dots(employer, (contested, 0), (shared, 5)); // shares 0.0 and 1.0

        var results = DotResults.For(given.Seminar).ToDictionary(r => r.Title);
        Assert.True(results["Contested"].Divergent);
        Assert.Equal(0.8, results["Contested"].Spread);

        var agreeing = new GivenSeminar();
        var t1 = agreeing.Theme("T1");
        var t2 = agreeing.Theme("T2");
        agreeing.Dots(agreeing.Invitee("Nursing"), (t1, 3), (t2, 2));
        agreeing.Dots(agreeing.Invitee("Regulators"), (t1, 3), (t2, 2));
        Assert.All(DotResults.For(agreeing.Seminar), r => Assert.False(r.Divergent));
    }

    [Fact]
    public void equal_dots_share_a_rank()
    {
        var given = new GivenSeminar();
        var a = given.Theme("A");
        var b = given.Theme("B");
        var c = given.Theme("C");
        given.Dots(given.Invitee("Nursing"), (a, 2), (b, 2), (c, 1));

        Assert.Equal([1, 1, 3], DotResults.For(given.Seminar).Select(r => r.Rank));
    }
}

public class when_a_facilitator_merges_duplicates
{
    [Fact]
    public void the_duplicates_point_at_the_kept_statement_and_themes_follow_it()
    {
        var given = new GivenSeminar();
        var kept = given.Problem("No standard ACP title");
        var duplicate = given.Problem("The ACP title means different things", "Regulators");
        var theme = given.Theme("Titles", duplicate);

        var events = MergeProblemsHandler.Handle(new MergeProblems(given.Seminar.Id, kept, [duplicate]), given.Seminar, GivenSeminar.Now);
        given.Seminar.Apply(Assert.IsType<ProblemsMerged>(Assert.Single(events)));

        Assert.Equal(kept, given.Seminar.ProblemOf(duplicate)!.MergedInto);
        Assert.Equal([kept], given.Seminar.ThemeOf(theme)!.ProblemIds);
        Assert.Equal(2, SeminarRules.StatementsOf(given.Seminar, given.Seminar.ThemeOf(theme)!).Count());
    }

    [Fact]
    public void merging_a_statement_into_itself_or_into_a_merged_one_is_refused()
    {
        var given = new GivenSeminar();
        var a = given.Problem("A");
        var b = given.Problem("B");
        given.Seminar.Apply(new ProblemsMerged(a, [b], GivenSeminar.Now));

        Assert.Throws<RuleBroken>(() => MergeProblemsHandler.Handle(new MergeProblems(given.Seminar.Id, a, [a]), given.Seminar, GivenSeminar.Now));
        Assert.Throws<RuleBroken>(() => MergeProblemsHandler.Handle(new MergeProblems(given.Seminar.Id, b, [a]), given.Seminar, GivenSeminar.Now));
    }

    [Fact]
    public void statements_already_merged_into_a_merged_statement_follow_it()
    {
        var given = new GivenSeminar();
        var a = given.Problem("A");
        var b = given.Problem("B");
        var c = given.Problem("C");
        given.Seminar.Apply(new ProblemsMerged(b, [c], GivenSeminar.Now));

        var merged = Assert.IsType<ProblemsMerged>(Assert.Single(MergeProblemsHandler.Handle(new MergeProblems(given.Seminar.Id, a, [b]), given.Seminar, GivenSeminar.Now)));
        Assert.Equal([b, c], merged.MergedProblemIds);
    }
}

public class when_a_seminar_concludes
{
    [Fact]
    public void the_integration_event_carries_the_chosen_themes_with_every_statement_behind_them()
    {
        var given = new GivenSeminar();
        var kept = given.Problem("No common title", "Regulators");
        var duplicate = given.Problem("Titles vary", "Nursing");
        given.Seminar.Apply(new ProblemsMerged(kept, [duplicate], GivenSeminar.Now));
        var chosen = given.Theme("Regulation", kept);
        given.Theme("Not chosen");

        var (events, messages) = ConcludeSeminarHandler.Handle(new ConcludeSeminar(given.Seminar.Id, [chosen]), given.Seminar, GivenSeminar.Now);

        Assert.Equal([chosen], Assert.IsType<ThemesAgreed>(Assert.Single(events)).ThemeIds);
        var concluded = Assert.IsType<SeminarConcluded>(Assert.Single(messages));
        var theme = Assert.Single(concluded.Themes);
        Assert.Equal(["No common title", "Titles vary"], theme.Problems.Select(p => p.Text).Order());
        Assert.Equal(["What should change?"], theme.Prompts);
    }

    [Fact]
    public void concluding_twice_is_a_conflict_and_concluding_with_no_themes_or_unasked_themes_is_refused()
    {
        var given = new GivenSeminar();
        var theme = given.Theme("T");
        Assert.Equal(400, Assert.Throws<RuleBroken>(() => ConcludeSeminarHandler.Handle(new ConcludeSeminar(given.Seminar.Id, []), given.Seminar, GivenSeminar.Now)).Status);

        given.Seminar.Apply(new ThemeDrafted(Guid.NewGuid(), "No questions", "", [], [], []));
        var unasked = given.Seminar.Themes.Last().Id;
        Assert.Contains("No questions", Assert.Throws<RuleBroken>(() =>
            ConcludeSeminarHandler.Handle(new ConcludeSeminar(given.Seminar.Id, [unasked]), given.Seminar, GivenSeminar.Now)).Message);

        given.Seminar.Apply(new ThemesAgreed([theme], GivenSeminar.Now));
        Assert.Equal(409, Assert.Throws<RuleBroken>(() => ConcludeSeminarHandler.Handle(new ConcludeSeminar(given.Seminar.Id, [theme]), given.Seminar, GivenSeminar.Now)).Status);
    }

    [Fact]
    public void after_concluding_no_problem_can_be_added()
    {
        var given = new GivenSeminar();
        given.Seminar.Apply(new ThemesAgreed([given.Theme("T")], GivenSeminar.Now));

        Assert.Equal(409, Assert.Throws<RuleBroken>(() =>
            SubmitProblemHandler.Handle(new SubmitProblem(given.Seminar.Id, new ProblemForm("x", "Nursing", null, null), null), given.Seminar, GivenSeminar.Now)).Status);
    }
}

public class when_the_facilitator_checks_coverage
{
    [Fact]
    public void each_interest_group_shows_whether_it_attended_accepted_was_only_invited_or_is_missing()
    {
        var given = new GivenSeminar();
        var nurse = given.Invitee("Nursing");
        given.Seminar.Apply(new AttendanceRecorded(nurse, true, GivenSeminar.Now));
        given.Invitee("Employers", Rsvp.Declined);

        var coverage = Coverage.For(given.Seminar).ToDictionary(c => c.InterestGroup);
        Assert.Equal(CoverageStatus.Attended, coverage["Nursing"].Status);
        Assert.Equal(CoverageStatus.InvitedOnly, coverage["Employers"].Status);
        Assert.Equal(1, coverage["Employers"].Declined);
        Assert.Equal(CoverageStatus.Missing, coverage["Regulators"].Status);
    }
}

public class when_a_statement_is_checked
{
    [Fact]
    public void an_over_long_statement_is_refused_naming_the_field()
    {
        var broken = Assert.Throws<RuleBroken>(() => SeminarRules.Text(new string('x', 2001), "text", SeminarRules.MaxStatement));
        Assert.Equal("The problem must be 2,000 characters or fewer (it has 2,001)", broken.Message);
        Assert.Equal("text", broken.Field);
        Assert.Equal(400, broken.Status);
    }

    [Fact]
    public void csv_cells_are_quoted_and_formulas_defused()
    {
        Assert.Equal("\"a \"\"b\"\"\"", Engage.Platform.Csv.CsvText.Cell("a \"b\""));
        Assert.Equal("\"'=SUM(A1)\"", Engage.Platform.Csv.CsvText.Cell("=SUM(A1)"));
    }
}
