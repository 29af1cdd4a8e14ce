using Engage.Platform.Web;
using Engage.Platform;
using Engage.Platform.Mail;
using Engage.Platform.SignInLinks;
using Engage.Seminar.Seminars;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Invitations;

/// <summary>
/// Email each invitee their personal link. An invitation goes to those not yet invited; a reminder
/// to those who have not declined and were not reminded in the last day.
/// </summary>
public record SendInvitations(Guid SeminarId, bool Reminder);

public record InvitationsSent(int Sent);

[MartenStore(typeof(ISeminarStore))]
public static class SendInvitationsHandler
{
    public static (InvitationsSent, Events, OutgoingMessages) Handle(SendInvitations command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar, IDocumentSession session, IOptions<SiteOptions> site, DateTimeOffset now)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "invitations are closed");
        var recipients = found.Invitees.Where(i => command.Reminder
            ? i.InvitedAt is not null && i.Rsvp != Rsvp.Declined && (i.RemindedAt is null || now - i.RemindedAt > TimeSpan.FromDays(1))
            : i.InvitedAt is null).ToList();

        Events events = [];
        OutgoingMessages mail = [];
        foreach (var invitee in recipients)
        {
            var token = SeminarInvitation.NewToken();
            session.Insert(new SeminarInvitation
            {
                Id = SeminarInvitation.HashOf(token), SeminarId = found.Id, InviteeId = invitee.Id,
                ExpiresAt = (found.StartsAt is { } start && start > now ? start : now) + SeminarInvitation.ValidAfterSeminar
            });
            var link = $"{site.Value.PublicUrl.TrimEnd('/')}/seminars/{found.Id}/attend/{token}";
            mail.Add(new SendMail(invitee.Email, (command.Reminder ? "Reminder: " : "Invitation: ") + found.Title, Letter(found, invitee, link, command.Reminder)));
            events.Add(command.Reminder ? new ReminderSent(invitee.Id, now) : new InvitationSent(invitee.Id, now));
        }
        return (new InvitationsSent(recipients.Count), events, mail);
    }

    private static string Letter(Seminars.Seminar s, Invitee invitee, string link, bool reminder) =>
        $"""
         Dear {invitee.Name},

         {(reminder ? "A reminder: you are" : "You are")} invited to "{s.Title}"{(s.StartsAt is { } at ? $" on {at:dddd d MMMM yyyy 'at' HH:mm} (UTC)" : "")}, {Where(s)}.
         {JoiningLine(s)}
         {s.Purpose}

         Please tell us whether you can come, and use the same link on the day to share the problems you see
         and to vote on the themes. The link is personal to you: please do not forward it.

         {link}
         """;

    private static string Where(Seminars.Seminar s) => s.Format switch
    {
        SeminarFormat.Online => "online",
        SeminarFormat.Hybrid => s.Venue.Length > 0 ? $"at {s.Venue} and online" : "in person and online",
        _ => s.Venue.Length > 0 ? $"at {s.Venue}" : "in person"
    };

    // The joining link stands on its own line: mail programs make a link of everything up to the next space,
    // so a link followed by ")." in a sentence would not open.
    private static string JoiningLine(Seminars.Seminar s) =>
        s.Format != SeminarFormat.InPerson && s.JoiningLink.Length > 0 ? $"\nTo join online:\n{s.JoiningLink}\n" : "";
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class SendInvitationsEndpoint
{
    [WolverinePost("/api/seminars/{id}/invitations")]
    public static Task<IResult> Post(Guid id, IMessageBus bus) =>
        ApiDoor.Invoke<InvitationsSent>(bus, new SendInvitations(id, Reminder: false), sent => Results.Ok(sent));

    [WolverinePost("/api/seminars/{id}/reminders")]
    public static Task<IResult> Remind(Guid id, IMessageBus bus) =>
        ApiDoor.Invoke<InvitationsSent>(bus, new SendInvitations(id, Reminder: true), sent => Results.Ok(sent));
}
