using Engage.Platform.Mail;
using Marten;
using Wolverine;

namespace Engage.Platform.SignInLinks;

/// <summary>
/// Mail a participant known to a module only by their sign-in identity: the address is looked up
/// here, so no module keeps it. Nothing is sent to someone who has deleted their account.
/// </summary>
public record MailParticipant(Guid ParticipantId, string Subject, string TextBody);

/// <summary>A participant deleted their last workshop registration: their sign-in identity (their email) goes too.</summary>
public record ForgetParticipant(Guid ParticipantId);

public static class MailParticipantHandler
{
    public static async Task<OutgoingMessages> Handle(MailParticipant mail, IQuerySession session) =>
        await session.LoadAsync<ParticipantAccount>(mail.ParticipantId) is { } account
            ? [new SendMail(account.Email, mail.Subject, mail.TextBody)]
            : [];
}

public static class ForgetParticipantHandler
{
    public static void Handle(ForgetParticipant forget, IDocumentSession session)
    {
        session.Delete<ParticipantAccount>(forget.ParticipantId);
        session.DeleteWhere<SignInLink>(l => l.ParticipantId == forget.ParticipantId);
    }
}
