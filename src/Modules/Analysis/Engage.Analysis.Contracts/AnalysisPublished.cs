namespace Engage.Analysis.Contracts;

/// <summary>
/// Analysts froze and published an analysis of a corpus: everything the insight report needs, computed
/// once, so the report never reads the Analysis module. Figures for groups smaller than
/// <see cref="WorkshopFacts.MinimumGroupSize"/> are already suppressed (null). A section the analysis
/// did not reach (no reliability sample, no votes) is null or empty, never invented.
/// </summary>
public sealed record AnalysisPublished(
    Guid AnalysisId,
    Guid CorpusId,
    Guid? WorkshopId,
    string Title,
    DateTimeOffset PublishedAt,
    WorkshopFacts? Workshop,
    ParticipationFigures Participation,
    MethodFacts Method,
    IReadOnlyList<FindingTheme> Themes,
    OpinionFindings? OpinionGroups,
    IReadOnlyList<RecommendedAction> Recommendations,
    IReadOnlyList<CodebookEntry> Codebook);

/// <summary>The workshop as it was opened: its questions and the seminar problems behind them.</summary>
public sealed record WorkshopFacts(Guid WorkshopId, Guid? SeminarId, string Title, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<WorkshopQuestion> Questions, int MinimumGroupSize, string? Attribution);

public sealed record WorkshopQuestion(Guid ThemeId, string Title, string Description, IReadOnlyList<string> Prompts,
    IReadOnlyList<ProblemStatement> Problems);

public sealed record ProblemStatement(Guid ProblemId, string Text, string InterestGroup);

/// <summary>Who took part. <see cref="GroupCount.Count"/> is null where the group is too small to show.</summary>
public sealed record ParticipationFigures(int Participants, int Contributors, int Contributions, int Votes,
    IReadOnlyList<AttributeCounts> ByAttribute);

public sealed record AttributeCounts(string Attribute, IReadOnlyList<GroupCount> Groups);

public sealed record GroupCount(string Value, int? Count);

/// <summary>How the analysis was done: the codebook version, who coded, and how reliably.</summary>
public sealed record MethodFacts(int CodebookVersion, int Codes, int Coders, int Items, int CodedItems,
    ReliabilityFigures? Reliability, string Approach);

public sealed record ReliabilityFigures(double? KrippendorffAlpha, double PercentAgreement, double? CohenKappa, int Units, int Coders,
    IReadOnlyList<CodeReliabilityFigure> ByCode);

public sealed record CodeReliabilityFigure(Guid CodeId, string Code, double? KrippendorffAlpha, double? PercentAgreement);

/// <summary>
/// A theme (a top-level code of the codebook) with its prevalence: <see cref="People"/> is how many
/// distinct contributors raised it, <see cref="Prevalence"/> their share of all contributors.
/// </summary>
public sealed record FindingTheme(
    Guid ThemeId,
    string Title,
    string Description,
    IReadOnlyList<Guid> WorkshopThemeIds,
    int Items,
    int People,
    double Prevalence,
    IReadOnlyList<SubthemeFigure> Subthemes,
    IReadOnlyList<ThemeBreakdown> Breakdowns,
    int Issues,
    int Solutions,
    SentimentFigures Sentiment,
    IReadOnlyList<GroupView> GroupViews,
    IReadOnlyList<QuoteFinding> Quotes,
    IReadOnlyList<Guid> EvidenceContributionIds);

public sealed record SubthemeFigure(Guid CodeId, string Name, int Items, int People);

/// <summary>
/// How many in each group raised the theme (<see cref="BreakdownCell.Count"/> and its share of the group),
/// with Pearson's chi-square test of independence; cells for groups under the minimum are null and the
/// test is taken over the groups that can be shown.
/// </summary>
public sealed record ThemeBreakdown(string Attribute, IReadOnlyList<BreakdownCell> Cells, double? ChiSquare, int DegreesOfFreedom, double? PValue);

public sealed record BreakdownCell(string Value, int? Count, int? GroupSize, double? Percent);

public sealed record SentimentFigures(int Positive, int Neutral, int Negative, double Mean);

/// <summary>How an opinion group voted on the theme's contributions.</summary>
public sealed record GroupView(int GroupId, int Agree, int Disagree, int Pass, double? AgreePercent);

/// <summary>A starred contribution, attributed only as far as the group is large enough (e.g. "Nurse, North West").</summary>
public sealed record QuoteFinding(Guid QuoteId, Guid ContributionId, string Text, string Attribution, IReadOnlyList<Guid> ThemeIds);

public sealed record OpinionFindings(int Participants, IReadOnlyList<OpinionGroupFinding> Groups,
    IReadOnlyList<StatementFinding> Consensus, IReadOnlyList<StatementFinding> Divisive);

public sealed record OpinionGroupFinding(int GroupId, string Label, int Participants, IReadOnlyList<StatementFinding> Representative,
    IReadOnlyList<AttributeCounts> Attributes);

public sealed record StatementFinding(Guid ContributionId, string Text, double AgreePercent, int Votes);

/// <summary>
/// A recommended action for an audience (e.g. "national-bodies", "employers", "individuals"), with the
/// themes and codes it rests on and the evidence computed for it. <see cref="ProblemIds"/> are the seminar
/// problem statements it answers, found through the workshop themes of its evidence.
/// </summary>
public sealed record RecommendedAction(
    Guid RecommendationId,
    string Audience,
    string Title,
    string Text,
    string Priority,
    IReadOnlyList<Guid> ThemeIds,
    IReadOnlyList<Guid> CodeIds,
    IReadOnlyList<Guid> QuoteIds,
    IReadOnlyList<Guid> WorkshopThemeIds,
    IReadOnlyList<Guid> ProblemIds,
    RecommendationEvidence Evidence);

/// <summary>
/// <see cref="People"/> raised it (contributors of items coded with its codes); votes on those items give
/// the support; <see cref="GroupsAgreeing"/> are the opinion groups a majority of whose votes on them agree.
/// </summary>
public sealed record RecommendationEvidence(int People, int Items, int Agree, int Disagree, int Pass, double? SupportPercent,
    IReadOnlyList<int> GroupsAgreeing);

public sealed record CodebookEntry(Guid CodeId, Guid? ParentId, string Name, string Definition, string Inclusion, string Exclusion,
    string Example, string Colour);
