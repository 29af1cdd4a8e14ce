using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Engage.UnitTests;

public class when_a_seminar_concludes
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 16, 0, 0, TimeSpan.Zero);

    private static Seminar.Seminars.Seminar PlannedSeminar()
    {
        var seminar = Seminar.Seminars.Seminar.Create(new SeminarPlanned(Guid.NewGuid(), "ACP", "", null, Guid.NewGuid()));
        var problem = Guid.NewGuid();
        seminar.Apply(new ProblemSubmitted(problem, "No common title", "Regulators", Now));
        seminar.Apply(new ThemeDrafted(Guid.NewGuid(), "Regulation", "", [problem], ["How?"], ["Seed"]));
        seminar.Apply(new ThemeDrafted(Guid.NewGuid(), "Not chosen", "", [], ["Why?"], []));
        return seminar;
    }

    [Fact]
    public void the_integration_event_carries_only_the_chosen_themes_with_their_problem_statements()
    {
        var seminar = PlannedSeminar();
        var chosen = seminar.Themes[0];

        var (_, events, messages) = ConcludeSeminarEndpoint.Post(new ConcludeSeminar([chosen.Id]), seminar, Now);

        var agreed = Assert.IsType<ThemesAgreed>(Assert.Single(events));
        Assert.Equal([chosen.Id], agreed.ThemeIds);
        var concluded = Assert.IsType<Engage.Seminar.Contracts.SeminarConcluded>(Assert.Single(messages));
        var theme = Assert.Single(concluded.Themes);
        Assert.Equal("No common title", Assert.Single(theme.Problems).Text);
        Assert.Equal(Now, concluded.ConcludedAt);
    }

    [Fact]
    public void concluding_twice_or_with_no_themes_is_refused()
    {
        var seminar = PlannedSeminar();
        Assert.Equal(400, ConcludeSeminarEndpoint.Validate(new ConcludeSeminar([]), seminar).Status);

        seminar.Apply(new ThemesAgreed([seminar.Themes[0].Id], Now));
        Assert.Equal(409, ConcludeSeminarEndpoint.Validate(new ConcludeSeminar([seminar.Themes[0].Id]), seminar).Status);
    }

    [Fact]
    public void a_theme_may_only_group_problems_of_its_own_seminar()
    {
        var seminar = PlannedSeminar();
        var problem = DraftThemeEndpoint.Validate(new DraftTheme("T", null, [Guid.NewGuid()], ["Q?"], null), seminar);
        Assert.Equal(400, problem.Status);
        Assert.Contains("problemIds", problem.Detail);

        Assert.Same(WolverineContinue.NoProblems,
            DraftThemeEndpoint.Validate(new DraftTheme("T", null, [seminar.Problems[0].Id], ["Q?"], null), seminar));
    }
}
