namespace Engage.Platform.Mail;

/// <summary>
/// Mail settings (section "Mail"). With no SMTP host, mail is written as .eml files to the drop folder:
/// ENGAGE_MAIL_DROP, or .data/mail at the repository root.
/// </summary>
public sealed class MailOptions
{
    public string From { get; set; } = "Engage <no-reply@engage.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string DropFolder { get; set; } = "";
}
