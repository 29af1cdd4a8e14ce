namespace Engage.Workshop.Contracts;

/// <summary>
/// Someone joined a workshop. <see cref="ParticipantId"/> is pseudonymous (it is not their sign-in
/// identity), and the attributes are their profile answers: never an email or a name.
/// </summary>
public sealed record ParticipantRegistered(Guid ParticipantId, Guid WorkshopId, string Pseudonym,
    IReadOnlyDictionary<string, string> Attributes, DateTimeOffset RegisteredAt);
