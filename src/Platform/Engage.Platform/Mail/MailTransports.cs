using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Engage.Platform.Mail;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Real SMTP through MailKit; registered only when Mail:SmtpHost is set.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, Enum.Parse<SecureSocketOptions>(options.Security), ct);
        if (!string.IsNullOrEmpty(options.SmtpUser)) await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>Writes each message as an .eml file, the way a local developer or a test reads its mail.</summary>
public sealed class DropFolderMailTransport(MailOptions options, TimeProvider time) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(options.DropFolder);
        var name = $"{time.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(options.DropFolder, name + ".tmp");
        await message.WriteToAsync(temporary, ct);
        // Rename last so a reader never sees half a message.
        File.Move(temporary, Path.Combine(options.DropFolder, name));
    }
}

/// <summary>The drop folder's messages, newest first, for the Admin mail page.</summary>
public sealed class MailDrop(MailOptions options)
{
    public bool Enabled => string.IsNullOrEmpty(options.SmtpHost);

    public IReadOnlyList<(string Id, MimeMessage Message)> Latest(int count) =>
        !Directory.Exists(options.DropFolder) ? []
        : new DirectoryInfo(options.DropFolder).GetFiles("*.eml").OrderByDescending(f => f.Name).Take(count)
            .Select(f => (Path.GetFileNameWithoutExtension(f.Name), MimeMessage.Load(f.FullName))).ToList();

    public MimeMessage? Find(string id)
    {
        // Ids are file names we made; anything else (a path, "..") is refused.
        if (id.Length > 80 || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != 'T')) return null;
        var path = Path.Combine(options.DropFolder, id + ".eml");
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }
}
