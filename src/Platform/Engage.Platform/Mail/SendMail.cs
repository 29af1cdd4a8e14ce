using Microsoft.Extensions.Logging;
using MimeKit;

namespace Engage.Platform.Mail;

/// <summary>
/// A mail to send. Modules return it from handlers; it travels on a durable local queue, so a
/// message acknowledged by the outbox is sent even if the host dies before the SMTP call.
/// </summary>
public record SendMail(string To, string Subject, string TextBody, string? HtmlBody = null);

public static class SendMailHandler
{
    public static async Task Handle(SendMail mail, IMailTransport transport, MailOptions options, ILogger<SendMail> logger, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        await transport.SendAsync(message, ct);
        logger.LogInformation("Mail '{Subject}' sent through {Transport}", mail.Subject, transport.GetType().Name);
    }
}
