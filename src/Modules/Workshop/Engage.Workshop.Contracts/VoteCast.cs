namespace Engage.Workshop.Contracts;

/// <summary>
/// A participant's current vote on a contribution ("agree", "disagree" or "pass"); a later vote by
/// the same participant on the same contribution replaces it.
/// </summary>
public sealed record VoteCast(Guid ContributionId, Guid WorkshopId, Guid ParticipantId, string Vote, DateTimeOffset CastAt);
