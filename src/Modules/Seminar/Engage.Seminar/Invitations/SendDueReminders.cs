using Engage.Seminar.Seminars;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Seminar.Invitations;

/// <summary>
/// Sent every morning by a Hangfire job: seminars in the next two days remind the invitees who have
/// not declined (each invitee at most once a day, by the rule in <see cref="SendInvitationsHandler"/>).
/// </summary>
public record SendDueSeminarReminders;

[MartenStore(typeof(ISeminarStore))]
public static class SendDueSeminarRemindersHandler
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(2);

    public static async Task<OutgoingMessages> Handle(SendDueSeminarReminders _, IQuerySession session, DateTimeOffset now)
    {
        var until = now + Ahead;
        var due = await session.Query<Seminars.Seminar>()
            .Where(s => s.Status == SeminarStatus.Planned && s.StartsAt != null && s.StartsAt > now && s.StartsAt <= until)
            .Select(s => s.Id).ToListAsync();
        OutgoingMessages reminders = [];
        reminders.AddRange(due.Select(id => new SendInvitations(id, Reminder: true)));
        return reminders;
    }
}
