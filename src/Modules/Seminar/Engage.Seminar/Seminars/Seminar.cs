namespace Engage.Seminar.Seminars;

public enum SeminarStatus { Planned, Concluded }

/// <summary>A seminar's stream, folded into its current state (an inline snapshot in schema seminar).</summary>
public class Seminar
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateTimeOffset? StartsAt { get; set; }
    public SeminarStatus Status { get; set; }
    public List<ProblemStatement> Problems { get; set; } = [];
    public List<SeminarTheme> Themes { get; set; } = [];
    public List<Guid> AgreedThemeIds { get; set; } = [];
    public DateTimeOffset? ConcludedAt { get; set; }

    public static Seminar Create(SeminarPlanned e) =>
        new() { Id = e.SeminarId, Title = e.Title, Purpose = e.Purpose, StartsAt = e.StartsAt };

    public void Apply(ProblemSubmitted e) =>
        Problems.Add(new ProblemStatement(e.ProblemId, e.Text, e.InterestGroup, e.SubmittedAt));

    public void Apply(ThemeDrafted e) =>
        Themes.Add(new SeminarTheme(e.ThemeId, e.Title, e.Description, e.ProblemIds, e.Prompts, e.Seeds));

    public void Apply(ThemesAgreed e)
    {
        Status = SeminarStatus.Concluded;
        AgreedThemeIds = [.. e.ThemeIds];
        ConcludedAt = e.At;
    }
}

public record ProblemStatement(Guid Id, string Text, string InterestGroup, DateTimeOffset SubmittedAt);

public record SeminarTheme(Guid Id, string Title, string Description, IReadOnlyList<Guid> ProblemIds,
    IReadOnlyList<string> Prompts, IReadOnlyList<string> Seeds);

public record SeminarPlanned(Guid SeminarId, string Title, string Purpose, DateTimeOffset? StartsAt, Guid PlannedBy);
public record ProblemSubmitted(Guid ProblemId, string Text, string InterestGroup, DateTimeOffset SubmittedAt);
public record ThemeDrafted(Guid ThemeId, string Title, string Description, Guid[] ProblemIds, string[] Prompts, string[] Seeds);
public record ThemesAgreed(Guid[] ThemeIds, DateTimeOffset At);
