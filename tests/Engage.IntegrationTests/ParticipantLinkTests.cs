using System.Net;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using Engage.Platform.SignInLinks;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

public class when_a_participant_asks_for_a_sign_in_link(EngageHost engage) : EngageTest(engage)
{
    private async Task Register(string email)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(new ParticipantAccount { Id = Guid.NewGuid(), Email = email, CreatedAt = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync();
    }

    private MimeMessage[] Mail() =>
        Directory.Exists(Engage.MailFolder)
            ? Directory.GetFiles(Engage.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToArray()
            : [];

    [Fact]
    public async Task the_emailed_link_signs_them_in_once_and_only_once()
    {
        await Register("pat@example.org");
        var browser = new Browser(Host);

        await Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await browser.SubmitForm("/account/link", [new("email", "Pat@Example.org"), new("returnUrl", "/workshops")]);
            Assert.Contains("Check your email", await response.Content.ReadAsStringAsync());
        });

        var mail = Assert.Single(Mail());
        Assert.Equal("pat@example.org", mail.To.Mailboxes.Single().Address);
        var link = Regex.Match(mail.TextBody, @"https?://\S+/account/link/(\S+)");
        Assert.True(link.Success, mail.TextBody);
        var path = $"/account/link/{link.Groups[1].Value}";

        // Opening the link (as a mail scanner would) does not use it up; pressing the button does.
        Assert.Equal(HttpStatusCode.OK, (await browser.Get(path)).StatusCode);
        var signedIn = await browser.SubmitForm(path, []);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/workshops", signedIn.Headers.Location!.OriginalString);

        var again = await new Browser(Host).Get(path);
        Assert.Contains("expired or has already been used", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task an_unregistered_address_gets_the_same_answer_and_no_mail()
    {
        var browser = new Browser(Host);
        await Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await browser.SubmitForm("/account/link", [new("email", "stranger@example.org")]);
            Assert.Contains("Check your email", await response.Content.ReadAsStringAsync());
        });
        Assert.Empty(Mail());
    }

    [Fact]
    public async Task a_link_never_redirects_off_site()
    {
        await Register("pat@example.org");
        await Host.ExecuteAndWaitAsync(async () =>
            await new Browser(Host).SubmitForm("/account/link", [new("email", "pat@example.org"), new("returnUrl", "//evil.example/")]));

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var link = Assert.Single(await session.Query<SignInLink>().ToListAsync());
        Assert.Equal("/", link.ReturnUrl);
    }

    [Fact]
    public async Task the_hourly_purge_removes_used_and_expired_links()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new SignInLink { Id = "expired", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
            session.Store(new SignInLink { Id = "used", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(10), UsedAt = DateTimeOffset.UtcNow });
            session.Store(new SignInLink { Id = "live", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(10) });
            await session.SaveChangesAsync();
        }

        await Host.InvokeMessageAndWaitAsync(new PurgeExpiredSignInLinks());

        await using var query = store.QuerySession();
        Assert.Equal(["live"], (await query.Query<SignInLink>().ToListAsync()).Select(l => l.Id));
    }
}
