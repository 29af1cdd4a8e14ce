namespace Engage.Seminar.Seminars;

public enum CoverageStatus { Attended, Accepted, InvitedOnly, Missing }

public record GroupCoverage(string InterestGroup, int Invited, int Accepted, int Declined, int NoReply, int Attended, CoverageStatus Status);

/// <summary>Which interest groups will be, or were, in the room: the facilitator's check that every voice is heard.</summary>
public static class Coverage
{
    public static IReadOnlyList<GroupCoverage> For(Seminar seminar) =>
        seminar.InterestGroups.Select(group =>
        {
            var people = seminar.Invitees.Where(i => i.InterestGroup == group).ToList();
            var accepted = people.Count(i => i.Rsvp == Rsvp.Accepted);
            var attended = people.Count(i => i.Attended);
            var status = attended > 0 ? CoverageStatus.Attended : accepted > 0 ? CoverageStatus.Accepted
                : people.Count > 0 ? CoverageStatus.InvitedOnly : CoverageStatus.Missing;
            return new GroupCoverage(group, people.Count, accepted, people.Count(i => i.Rsvp == Rsvp.Declined),
                people.Count(i => i.Rsvp == Rsvp.NoReply), attended, status);
        }).ToList();
}
