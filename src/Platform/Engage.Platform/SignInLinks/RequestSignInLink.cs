using Engage.Platform.Mail;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Platform.SignInLinks;

/// <summary>
/// A module registered someone as a participant: make sure they have a sign-in identity, and email
/// them a link. The account is created here, in the access schema, so no module stores the address.
/// </summary>
public record EnsureParticipant(string Email, string ReturnUrl, string Purpose);

public static class EnsureParticipantHandler
{
    public static async Task<(IMartenOp, RequestSignInLink)> Handle(EnsureParticipant request, IQuerySession session, DateTimeOffset now)
    {
        var id = ParticipantAccount.IdFor(request.Email);
        var exists = await session.LoadAsync<ParticipantAccount>(id) is not null;
        var account = new ParticipantAccount { Id = id, Email = ParticipantAccount.Normalise(request.Email), CreatedAt = now };
        return (exists ? MartenOps.Nothing() : MartenOps.Insert(account), new RequestSignInLink(request.Email, request.ReturnUrl));
    }
}

/// <summary>
/// Ask for a one-time sign-in link to be emailed. Handled as a message so the page answers at once
/// and the answer is the same whether or not the address is registered (no account enumeration).
/// </summary>
public record RequestSignInLink(string Email, string ReturnUrl);

public sealed class SiteOptions
{
    /// <summary>The public base URL put into links in emails, e.g. https://engage.example.nhs.uk.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
}

public static class RequestSignInLinkHandler
{
    public static Task<ParticipantAccount?> LoadAsync(RequestSignInLink request, IQuerySession session)
    {
        var email = ParticipantAccount.Normalise(request.Email);
        return session.Query<ParticipantAccount>().FirstOrDefaultAsync(x => x.Email == email);
    }

    public static (IMartenOp, OutgoingMessages) Handle(RequestSignInLink request, ParticipantAccount? participant,
        IOptions<SiteOptions> site, DateTimeOffset now)
    {
        if (participant is null) return (MartenOps.Nothing(), []);

        var token = SignInLink.NewToken();
        var link = new SignInLink
        {
            Id = SignInLink.HashOf(token), ParticipantId = participant.Id,
            ReturnUrl = LocalUrl.OrHome(request.ReturnUrl), ExpiresAt = now + SignInLink.Lifetime
        };
        var url = $"{site.Value.PublicUrl.TrimEnd('/')}/account/link/{token}";
        var mail = new SendMail(participant.Email, "Your Engage sign-in link",
            $"""
             Use this link to sign in to Engage. It works once, for {SignInLink.Lifetime.TotalMinutes:0} minutes:

             {url}

             If you did not ask to sign in, you can ignore this email.
             """);
        return (MartenOps.Insert(link), [mail]);
    }
}

public static class LocalUrl
{
    /// <summary>Only same-site paths are followed after sign-in (no open redirects).</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") && url.Length <= 500
            ? url : "/";
}
