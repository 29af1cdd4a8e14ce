namespace Engage.Reporting.Contracts;

/// <summary>What the sponsoring body did about a recommendation, so far.</summary>
public enum RecommendationProgress { Planned, InProgress, Done, Declined }

/// <summary>
/// Staff recorded what was done about a published recommendation; the Workshop shows it to participants
/// as "you said, we recommended, we did". <see cref="Note"/> is the reason when declined.
/// </summary>
public sealed record RecommendationProgressRecorded(Guid ReportId, Guid WorkshopId, Guid RecommendationId,
    RecommendationProgress Progress, string? Note, DateTimeOffset RecordedAt);
