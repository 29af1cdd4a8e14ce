using Engage.Platform.Web;
using Engage.Seminar.Seminars;
using Wolverine.Marten;

namespace Engage.Seminar.Prioritising;

/// <summary>
/// An attendee's dots across the candidate themes. Each placement replaces the attendee's previous
/// one, so people can change their mind until the seminar concludes.
/// </summary>
public record PlaceDots(Guid SeminarId, Guid InviteeId, Dictionary<Guid, int> Dots);

[MartenStore(typeof(ISeminarStore))]
public static class PlaceDotsHandler
{
    public static Events Handle(PlaceDots command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar, DateTimeOffset now)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "voting is closed");
        var invitee = found.InviteeOf(command.InviteeId) ?? throw new RuleBroken(404, "The invitee was not found.");
        SeminarRules.Require(invitee.Rsvp != Rsvp.Declined || invitee.Attended, "Only attendees can vote; this invitee declined.", 409);
        return [new DotsPlaced(invitee.Id, SeminarRules.Dots(found, command.Dots), now)];
    }
}
