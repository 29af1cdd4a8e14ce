using Engage.Seminar.Seminars;
using Wolverine.Marten;

namespace Engage.Seminar.Invitations;

/// <summary>An invitee accepts or declines through their personal link (see <see cref="AttendeeEndpoint"/>).</summary>
public record RespondToInvitation(Guid SeminarId, Guid InviteeId, bool Accept);

[MartenStore(typeof(ISeminarStore))]
public static class RespondToInvitationHandler
{
    public static Events Handle(RespondToInvitation command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar, DateTimeOffset now)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "replies are closed");
        SeminarRules.Require(found.InviteeOf(command.InviteeId) is not null, "The invitee was not found.", 404);
        return [new RsvpRecorded(command.InviteeId, command.Accept, now)];
    }
}
