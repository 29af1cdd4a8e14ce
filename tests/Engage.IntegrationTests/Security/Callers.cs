using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform.Accounts;
using Engage.Platform.SignInLinks;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.IntegrationTests.Security;

/// <summary>
/// Someone calling Engage: nobody, a participant, or a member of staff holding one role. The API takes
/// their bearer token, pages their sign-in cookie, each got the way that person would get it.
/// </summary>
public sealed class Caller(string role, HttpClient api, Browser pages)
{
    public const string Anonymous = nameof(Anonymous);

    /// <summary>Every kind of caller the matrix tries: nobody, then each role Engage knows.</summary>
    public static readonly string[] Roles = [Anonymous, .. global::Engage.Platform.Roles.Staff, global::Engage.Platform.Roles.Participant];

    public string Role { get; } = role;
    public HttpClient Api { get; } = api;
    public Browser Pages { get; } = pages;
    public bool SignedIn => Role != Anonymous;

    public static async Task<Caller> As(EngageHost engage, string role)
    {
        if (role == Anonymous) return new Caller(role, engage.Client(), new Browser(engage.Host));
        if (role == global::Engage.Platform.Roles.Participant)
        {
            var email = $"participant-{Guid.NewGuid():N}@example.org";
            var api = engage.Client((await (await engage.Client().PostAsJsonAsync("/api/auth/participant-token",
                new { linkToken = await SignInLinkFor(engage, email) })).Read<JsonElement>()).GetProperty("accessToken").GetString());
            var browser = new Browser(engage.Host);
            var token = await SignInLinkFor(engage, email);
            var signedIn = await browser.SubmitForm($"/account/link/{token}", []);
            if (signedIn.StatusCode != System.Net.HttpStatusCode.Redirect) throw new Xunit.Sdk.XunitException($"The participant's link did not sign in: {signedIn.StatusCode}");
            return new Caller(role, api, browser);
        }

        var staffEmail = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@engage.test";
        const string password = "a-long-test-password";
        var admin = engage.Client(await engage.Token(EngageHost.AdminEmail, EngageHost.AdminPassword));
        (await admin.PostAsJsonAsync("/api/admin/accounts", new CreateStaffAccount(staffEmail, "Test " + role, [role], password))).EnsureSuccessStatusCode();
        var staffBrowser = new Browser(engage.Host);
        await staffBrowser.SubmitForm("/account/signin", [new("email", staffEmail), new("password", password)]);
        return new Caller(role, engage.Client(await engage.Token(staffEmail, password)), staffBrowser);
    }

    /// <summary>
    /// A participant's identity and a fresh one-time link for it, as registering for a workshop and asking
    /// for a link would leave them (the workshop itself does not matter to who may call what).
    /// </summary>
    public static async Task<string> SignInLinkFor(EngageHost engage, string email, TimeSpan? expiresIn = null)
    {
        var store = engage.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        var id = ParticipantAccount.IdFor(email);
        if (await session.LoadAsync<ParticipantAccount>(id) is null)
            session.Store(new ParticipantAccount { Id = id, Email = ParticipantAccount.Normalise(email), CreatedAt = DateTimeOffset.UtcNow });
        var token = SignInLink.NewToken();
        session.Store(new SignInLink
        {
            Id = SignInLink.HashOf(token), ParticipantId = id, ReturnUrl = "/",
            ExpiresAt = DateTimeOffset.UtcNow + (expiresIn ?? SignInLink.Lifetime)
        });
        await session.SaveChangesAsync();
        return token;
    }

    public override string ToString() => Role;
}
