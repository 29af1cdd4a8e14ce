namespace Engage.Workshop.Contracts;

/// <summary>
/// The participants of an imported conversation: the same facts as <see cref="ParticipantRegistered"/>,
/// carried thousands at a time, so Analysis takes a conversation's 2,000 voters in one transaction, not 2,000.
/// </summary>
public sealed record ParticipantsImported(Guid WorkshopId, IReadOnlyList<ParticipantRegistered> Participants);
