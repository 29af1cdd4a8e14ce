namespace Engage.Workshop.Contracts;

/// <summary>
/// Someone joined a workshop. <see cref="ParticipantId"/> is pseudonymous (it is not their sign-in
/// identity), and the attributes are their profile answers: never an email or a name.
/// <see cref="SourceId"/> is the voter's id in the source of an imported conversation.
/// </summary>
public sealed record ParticipantRegistered(Guid ParticipantId, Guid WorkshopId, string Pseudonym,
    IReadOnlyDictionary<string, string> Attributes, DateTimeOffset RegisteredAt, string? SourceId = null);
