namespace Engage.Seminar.Contracts;

/// <summary>
/// The seminar agreed the themes the crowd will be asked about. Each theme carries the problem
/// statements it came from: the first link of the chain from problem to recommendation.
/// </summary>
public sealed record SeminarConcluded(Guid SeminarId, string Title, IReadOnlyList<AgreedTheme> Themes, DateTimeOffset ConcludedAt);

public sealed record AgreedTheme(Guid ThemeId, string Title, string Description, IReadOnlyList<string> Prompts,
    IReadOnlyList<string> Seeds, IReadOnlyList<ProblemStatementRef> Problems);

public sealed record ProblemStatementRef(Guid ProblemId, string Text, string InterestGroup);
