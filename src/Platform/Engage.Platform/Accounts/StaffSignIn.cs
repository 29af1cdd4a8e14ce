using System.Security.Claims;

namespace Engage.Platform.Accounts;

/// <summary>
/// The one sign-in rule for the page and the API: a wrong email, a wrong password, a disabled or a
/// locked account all look the same to the caller, so the answer gives no hint which part was wrong.
/// </summary>
public static class StaffSignIn
{
    public const string Failed =
        "The email address or password is incorrect, or the account is locked for a while after repeated failures.";

    // Verifying against a throwaway hash when the email is unknown keeps the timing the same.
    private static readonly StaffAccount Nobody = new() { PasswordHash = Passwords.Hash(new StaffAccount(), Passwords.Generate()) };

    /// <summary>True when the password is right and the account may sign in; records the attempt on the account.</summary>
    public static bool Attempt(StaffAccount? account, string password, DateTimeOffset now)
    {
        if (account is null)
        {
            Passwords.Verify(Nobody, password);
            return false;
        }

        if (account.Disabled || account.IsLockedAt(now)) return false;
        if (!Passwords.Verify(account, password))
        {
            account.RecordFailure(now);
            return false;
        }

        account.RecordSuccess();
        return true;
    }

    public static ClaimsPrincipal Principal(StaffAccount account, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new Claim(ClaimTypes.Name, account.DisplayName),
            new Claim(ClaimTypes.Email, account.Email),
            new Claim(EngageClaims.SecurityStamp, account.SecurityStamp.ToString()),
            .. account.Roles.Select(r => new Claim(ClaimTypes.Role, r))
        ], scheme, ClaimTypes.Name, ClaimTypes.Role));
}

public static class EngageClaims
{
    public const string SecurityStamp = "engage:stamp";
    public const string ParticipantId = "engage:participant";
}
