namespace Engage.Workshop.Workshops;

public enum WorkshopStatus { Draft, Open, Closed }

/// <summary>Post: published unless the checks hold it, reviewed after. Pre: every contribution waits for a moderator.</summary>
public enum ModerationMode { Post, Pre }

/// <summary>What happens to someone's contributions when they delete their account.</summary>
public enum DeletionPolicy { KeepAnonymously, Remove }

/// <summary>A crowdsourcing workshop, created as a draft from the seminar's agreed themes.</summary>
public class Workshop
{
    public Guid Id { get; set; }
    public Guid SeminarId { get; set; }
    public string Title { get; set; } = "";
    public WorkshopStatus Status { get; set; }
    public ModerationMode Moderation { get; set; }
    public string Introduction { get; set; } = "";
    public string ConsentText { get; set; } = "";
    /// <summary>No breakdown of participants or votes is ever shown for a group smaller than this.</summary>
    public int MinimumGroupSize { get; set; } = 10;
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public List<WorkshopTheme> Themes { get; set; } = [];
    /// <summary>What people are asked when they join; answers must be one of each question's options.</summary>
    public List<Participants.ProfileQuestions.Question> ProfileQuestions { get; set; } = [.. Participants.ProfileQuestions.Acp];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? ClosingReminderSentAt { get; set; }
    /// <summary>When Analysis first published an analysis of this workshop: from then on its record is the evidence, and it stays closed.</summary>
    public DateTimeOffset? AnalysisPublishedAt { get; set; }
    public DeletionPolicy OnDeletion { get; set; }
    /// <summary>Published reports, newest last: what the workshop tells participants came of it.</summary>
    public List<ReportNotice> Reports { get; set; } = [];
    /// <summary>Where an imported conversation came from and how its licence asks to be credited.</summary>
    public string? Attribution { get; set; }

    public bool HasTheme(Guid themeId) => Themes.Any(t => t.Id == themeId);
}

/// <summary>A theme as the crowd sees it, keeping the seminar's problem statements it came from.</summary>
public record WorkshopTheme(Guid Id, string Title, string Description, IReadOnlyList<string> Prompts,
    IReadOnlyList<string> Seeds, IReadOnlyList<SourceProblem> Problems);

public record SourceProblem(Guid ProblemId, string Text, string InterestGroup);

/// <summary>A published report as participants are shown it: "what we heard". Fields after PublishedAt are empty on notices kept before they existed.</summary>
public record ReportNotice(Guid ReportId, int Version, string Title, IReadOnlyList<string> KeyThemes, DateTimeOffset PublishedAt,
    string? Summary = null, IReadOnlyList<HeardTheme>? Themes = null, IReadOnlyList<MadeRecommendation>? Recommendations = null, string? ReportPath = null);

/// <summary>People and Prevalence are null under the minimum group size; the texts are the analysis's words for them ("12 people", "fewer than 10 people").</summary>
public record HeardTheme(string Title, string Description, int? People, double? Prevalence, IReadOnlyList<string> Quotes,
    string? PeopleShown = null, string? PrevalenceShown = null)
{
    /// <summary>"Raised by 12 people (45% of those who wrote something)", or "Raised by fewer than 10 people".</summary>
    public string Raised => People is { } people
        ? $"Raised by {Platform.Wording.Words.Count(people, "person")}" + (Prevalence is { } p ? $" ({Platform.Wording.Words.Percent(p / 100)} of those who wrote something)" : "")
        : $"Raised by {(string.IsNullOrEmpty(PeopleShown) ? "a few people" : PeopleShown)}";
}

public record MadeRecommendation(Guid RecommendationId, string Audience, string Title, string Text, IReadOnlyList<string> ThemeTitles);

/// <summary>
/// What the sponsoring body did about a published recommendation ("we did"), one document per
/// recommendation: kept apart from the workshop so two records at once never overwrite each other.
/// </summary>
public class RecommendationOutcome
{
    /// <summary>The recommendation's id.</summary>
    public Guid Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Reporting.Contracts.RecommendationProgress Progress { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
