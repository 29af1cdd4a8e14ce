namespace Engage.Workshop.Contracts;

/// <summary>The workshop closed: no more contributions or votes. Analysis may treat its corpus as complete.</summary>
public sealed record WorkshopClosed(Guid WorkshopId, DateTimeOffset ClosedAt);
