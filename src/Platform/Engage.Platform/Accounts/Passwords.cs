using Microsoft.AspNetCore.Identity;

namespace Engage.Platform.Accounts;

/// <summary>ASP.NET Core's password hasher (PBKDF2, per-password salt), and the password rule.</summary>
public static class Passwords
{
    public const int MinimumLength = 12;
    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    public static string Hash(StaffAccount account, string password) => Hasher.HashPassword(account, password);

    public static bool Verify(StaffAccount account, string password)
    {
        if (string.IsNullOrEmpty(account.PasswordHash)) return false;
        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        return result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>Null when acceptable, otherwise the reason (NCSC guidance: length over composition rules).</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumLength
            ? $"The password must be at least {MinimumLength} characters long."
            : password.Length > 256 ? "The password must be at most 256 characters long." : null;

    /// <summary>A random password for generated accounts: 20 characters from an unambiguous alphabet.</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, static (span, a) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = a[System.Security.Cryptography.RandomNumberGenerator.GetInt32(a.Length)];
        });
    }
}
