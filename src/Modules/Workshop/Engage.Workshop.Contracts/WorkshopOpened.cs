namespace Engage.Workshop.Contracts;

/// <summary>
/// A workshop opened to the crowd (or an imported conversation was recorded): what it asked, when, the
/// seminar problems behind each theme, and the smallest group any breakdown may show. Analysis keeps it
/// with the corpus so findings and the report can trace each theme back to the problems it answers.
/// <see cref="ProfileQuestions"/> are the questions' keys; <see cref="ProfileLabels"/> their words for
/// people, by key ("yearsInPractice" -> "Years in practice"). For an imported conversation
/// <see cref="OpenedAt"/> and <see cref="ClosesAt"/> are the conversation's own first and last activity.
/// </summary>
public sealed record WorkshopOpened(Guid WorkshopId, Guid? SeminarId, string Title, IReadOnlyList<OpenedTheme> Themes,
    IReadOnlyList<string> ProfileQuestions, int MinimumGroupSize, DateTimeOffset OpenedAt, DateTimeOffset? ClosesAt,
    string? Attribution = null, IReadOnlyDictionary<string, string>? ProfileLabels = null);

public sealed record OpenedTheme(Guid ThemeId, string Title, string Description, IReadOnlyList<string> Prompts,
    IReadOnlyList<OpenedProblem> Problems);

public sealed record OpenedProblem(Guid ProblemId, string Text, string InterestGroup);
