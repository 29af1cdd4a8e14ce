namespace Engage.Analysis.Contracts;

/// <summary>
/// Analysts froze and published an analysis of a corpus: everything the insight report needs, computed
/// once, so the report never reads the Analysis module. Every figure is defined once (the public
/// "How we count" page, /how-we-count, gives each definition in words) and every count of people has
/// already passed the disclosure rule of docs/disclosure-control.md: a count of people that is null is
/// not to be shown, and its <c>...Shown</c> text ("fewer than 10", "not shown") says what to print
/// instead. Renderers print the figures and texts carried here; they never recompute or re-suppress them.
/// A section the analysis did not reach (no reliability sample, no votes) is null or empty, never invented.
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

/// <summary>
/// Who took part, each figure as defined on "How we count". People are participants who registered and
/// have not deleted their data; the programme team's seed statements are contributions but not people.
/// <see cref="Registered"/>: joined the workshop. <see cref="TookPart"/>: wrote something or voted.
/// <see cref="Contributors"/>: wrote at least one published contribution. <see cref="Voters"/>: cast at
/// least one vote on a published contribution. <see cref="Contributions"/>: published contributions,
/// <see cref="SeedStatements"/> of them the programme team's. <see cref="Votes"/>: current votes
/// (a changed vote counts once) on published contributions. A count of people below the minimum is null,
/// with <c>...Shown</c> saying what to print. <see cref="ByAttribute"/> breaks down <see cref="Registered"/>.
/// </summary>
public sealed record ParticipationFigures(int? Registered, int? TookPart, int? Contributors, int? Voters, int Contributions, int SeedStatements,
    int Votes, IReadOnlyList<AttributeCounts> ByAttribute, string RegisteredShown = "", string TookPartShown = "", string ContributorsShown = "",
    string VotersShown = "");

/// <summary>
/// People by their answer to one profile question. <see cref="Attribute"/> is the question's key
/// (e.g. <c>yearsInPractice</c>), <see cref="Label"/> its words ("Years in practice"): show the label.
/// </summary>
public sealed record AttributeCounts(string Attribute, IReadOnlyList<GroupCount> Groups, string Label = "");

/// <summary>
/// <see cref="Count"/> is null when the rule hides it; <see cref="Shown"/> is what to print in its place and
/// otherwise the count itself: "12", "fewer than 10" (the group is smaller than the minimum), or "not shown"
/// (hidden so that a smaller group cannot be worked out from the total and the cells beside it).
/// </summary>
public sealed record GroupCount(string Value, int? Count, string Shown = "");

/// <summary>How the analysis was done: the codebook version, who coded, and how reliably.</summary>
public sealed record MethodFacts(int CodebookVersion, int Codes, int Coders, int Items, int CodedItems,
    ReliabilityFigures? Reliability, string Approach);

public sealed record ReliabilityFigures(double? KrippendorffAlpha, double PercentAgreement, double? CohenKappa, int Units, int Coders,
    IReadOnlyList<CodeReliabilityFigure> ByCode);

public sealed record CodeReliabilityFigure(Guid CodeId, string Code, double? KrippendorffAlpha, double? PercentAgreement);

/// <summary>
/// A theme (a top-level code of the codebook) with its prevalence: <see cref="Items"/> is how many published
/// contributions it applies to (seed statements included); <see cref="People"/> how many contributors wrote
/// at least one of them (seed statements are nobody's); <see cref="Prevalence"/> (0 to 100) their share of
/// all <see cref="ParticipationFigures.Contributors"/>. Both are null when fewer than the minimum raised it:
/// print <see cref="PeopleShown"/> ("12 people", "fewer than 10 people") and <see cref="PrevalenceShown"/>.
/// </summary>
public sealed record FindingTheme(
    Guid ThemeId,
    string Title,
    string Description,
    IReadOnlyList<Guid> WorkshopThemeIds,
    int Items,
    int? People,
    double? Prevalence,
    IReadOnlyList<SubthemeFigure> Subthemes,
    IReadOnlyList<ThemeBreakdown> Breakdowns,
    int Issues,
    int Solutions,
    SentimentFigures Sentiment,
    IReadOnlyList<GroupView> GroupViews,
    IReadOnlyList<QuoteFinding> Quotes,
    IReadOnlyList<Guid> EvidenceContributionIds,
    string PeopleShown = "",
    string PrevalenceShown = "");

/// <summary>A subtheme's items and people, as for <see cref="FindingTheme"/>: <see cref="People"/> null under the minimum.</summary>
public sealed record SubthemeFigure(Guid CodeId, string Name, int Items, int? People, string PeopleShown = "");

/// <summary>
/// How many contributors in each group raised the theme (<see cref="BreakdownCell.Count"/> and its share
/// of the group), with Pearson's chi-square test of independence taken only over the groups whose every
/// cell is shown, so no hidden cell can be worked back from the statistic. <see cref="Label"/> is the
/// profile question's words ("Years in practice"); <see cref="Attribute"/> its key.
/// </summary>
public sealed record ThemeBreakdown(string Attribute, IReadOnlyList<BreakdownCell> Cells, double? ChiSquare, int DegreesOfFreedom, double? PValue,
    string Label = "");

/// <summary>
/// <see cref="Count"/> (contributors in the group who raised the theme), <see cref="GroupSize"/> (contributors
/// in the group) and <see cref="Percent"/> are null when the rule hides them; <see cref="Shown"/> and
/// <see cref="GroupSizeShown"/> say what to print then ("fewer than 10", "not shown").
/// </summary>
public sealed record BreakdownCell(string Value, int? Count, int? GroupSize, double? Percent, string Shown = "", string GroupSizeShown = "");

public sealed record SentimentFigures(int Positive, int Neutral, int Negative, double Mean);

/// <summary>
/// How an opinion group (only groups that are published) voted on the theme's contributions: vote counts,
/// and each kind's share of all the group's votes on them (0 to 100; null with no votes), with
/// <see cref="Direction"/> the way most of its votes went.
/// </summary>
public sealed record GroupView(int GroupId, int Agree, int Disagree, int Pass, double? AgreePercent, double? DisagreePercent = null,
    double? PassPercent = null, VoteDirection Direction = VoteDirection.None);

/// <summary>
/// Which way a group's votes on a statement point, in the words of the Opinion groups page: "agree",
/// "disagree", "pass" (most passed), or none (no votes). Never read a share without its direction.
/// </summary>
public enum VoteDirection { None, Agree, Disagree, Pass }

/// <summary>A starred contribution, attributed only as far as the group is large enough (e.g. "Nurse, North West").</summary>
public sealed record QuoteFinding(Guid QuoteId, Guid ContributionId, string Text, string Attribution, IReadOnlyList<Guid> ThemeIds);

/// <summary>
/// Opinion groups from the votes. <see cref="Participants"/> is everyone placed in a group. A group with
/// fewer people than the minimum (or hidden so its size cannot be worked out by subtraction) is published
/// with its label and <see cref="OpinionGroupFinding.ParticipantsShown"/> only: no size, statements, profile
/// or views. Consensus and divisive statements carry every published group's shares, both ways.
/// </summary>
public sealed record OpinionFindings(int? Participants, IReadOnlyList<OpinionGroupFinding> Groups,
    IReadOnlyList<StatementFinding> Consensus, IReadOnlyList<StatementFinding> Divisive, string ParticipantsShown = "");

public sealed record OpinionGroupFinding(int GroupId, string Label, int? Participants, IReadOnlyList<StatementFinding> Representative,
    IReadOnlyList<AttributeCounts> Attributes, string ParticipantsShown = "", bool Published = true);

/// <summary>
/// A statement and how votes on it went: for a group's representative statement, within that group;
/// for consensus and divisive statements, over everyone, with <see cref="ByGroup"/> giving each group's.
/// <see cref="AgreePercent"/>, <see cref="DisagreePercent"/> and <see cref="PassPercent"/> are shares of
/// all the votes counted (0 to 100, adding to 100); <see cref="Direction"/> says which way the figure
/// that matters points, and <see cref="Reading"/> says it in words, as the Opinion groups page does:
/// "80% of Group B disagree". Print the reading, or a share with its direction, never a bare share.
/// </summary>
public sealed record StatementFinding(Guid ContributionId, string Text, double AgreePercent, int Votes, double DisagreePercent = 0,
    double PassPercent = 0, VoteDirection Direction = VoteDirection.None, string Reading = "", IReadOnlyList<GroupShare>? ByGroup = null);

/// <summary>One group's votes on a statement: shares of its votes (0 to 100) and the way most of them went.</summary>
public sealed record GroupShare(int GroupId, string Label, double AgreePercent, double DisagreePercent, double PassPercent, int Votes,
    VoteDirection Direction, string Reading);

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
/// <see cref="People"/> raised it (contributors of items coded with its codes; null under the minimum, print
/// <see cref="PeopleShown"/>); votes on those items give the support: <see cref="SupportPercent"/> is
/// agree votes as a share of agree and disagree votes (passes left out); <see cref="GroupsAgreeing"/> are
/// the published opinion groups more of whose votes on them agree than disagree.
/// </summary>
public sealed record RecommendationEvidence(int? People, int Items, int Agree, int Disagree, int Pass, double? SupportPercent,
    IReadOnlyList<int> GroupsAgreeing, string PeopleShown = "");

public sealed record CodebookEntry(Guid CodeId, Guid? ParentId, string Name, string Definition, string Inclusion, string Exclusion,
    string Example, string Colour);
