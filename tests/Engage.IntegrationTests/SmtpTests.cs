using System.Diagnostics;
using System.Net.Sockets;
using Alba;
using Engage.IntegrationTests.Support;
using Engage.Platform.Mail;
using MimeKit;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>
/// With an SMTP host configured, mail goes through MailKit to a real SMTP server (aiosmtpd on
/// loopback, installed by test.sh) and nothing is written to the drop folder.
/// </summary>
[Collection(nameof(when_an_smtp_server_is_configured))]
public sealed class when_an_smtp_server_is_configured : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "engage-smtp-" + Guid.NewGuid().ToString("N"));
    private readonly int port = FreePort();
    private Process? smtp;
    private IAlbaHost? host;

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        smtp = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "maildir")])
            { RedirectStandardError = true })!;
        await WaitForPort();

        host = await EngageHost.Start(Path.Combine(folder, "drop"), null,
            ("Mail__SmtpHost", "127.0.0.1"), ("Mail__SmtpPort", port.ToString()), ("Mail__Security", "None"));
    }

    private async Task WaitForPort()
    {
        // A readiness probe of a process we started, bounded by a deadline.
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (smtp!.HasExited) throw new InvalidOperationException("aiosmtpd exited: " + await smtp.StandardError.ReadToEndAsync());
            try { using var client = new TcpClient(); await client.ConnectAsync("127.0.0.1", port); return; }
            catch (SocketException) { }
        }
        throw new TimeoutException("aiosmtpd did not start listening");
    }

    [Fact]
    public async Task mail_is_delivered_to_the_smtp_server_and_not_dropped_to_disk()
    {
        await host!.InvokeMessageAndWaitAsync(new SendMail("someone@example.org", "Through SMTP", "Delivered by MailKit"));

        var delivered = Directory.GetFiles(Path.Combine(folder, "maildir", "new"));
        var message = await MimeMessage.LoadAsync(Assert.Single(delivered));
        Assert.Equal("Through SMTP", message.Subject);
        Assert.Contains("Delivered by MailKit", message.TextBody);
        Assert.False(Directory.Exists(Path.Combine(folder, "drop")));
    }

    public async Task DisposeAsync()
    {
        try { if (host is not null) await host.DisposeAsync(); }
        finally
        {
            if (smtp is { HasExited: false }) { smtp.Kill(); await smtp.WaitForExitAsync(); }
            Directory.Delete(folder, true);
        }
    }
}
