using Engage.IntegrationTests.Support;
using Engage.Platform.Mail;
using MimeKit;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

public class when_engage_sends_mail_without_an_smtp_server(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task the_message_is_written_whole_to_the_drop_folder()
    {
        await Host.InvokeMessageAndWaitAsync(new SendMail("someone@example.org", "Hello from Engage", "Plain text body"));

        var file = Assert.Single(Directory.GetFiles(Engage.MailFolder));
        Assert.EndsWith(".eml", file);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Hello from Engage", message.Subject);
        Assert.Equal("someone@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("Plain text body", message.TextBody);
    }
}
