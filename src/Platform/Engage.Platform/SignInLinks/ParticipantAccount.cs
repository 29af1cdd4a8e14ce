namespace Engage.Platform.SignInLinks;

/// <summary>
/// The sign-in identity of a participant: only an email address. Their profile answers belong to the
/// Workshop module and are stored apart from it.
/// </summary>
public class ParticipantAccount
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// A participant's id follows from their email, so a module that registers someone knows their
    /// id without reading this store or keeping the address (the Workshop keeps no emails).
    /// </summary>
    public static Guid IdFor(string email)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("engage-participant:" + Normalise(email)));
        return new Guid(hash.AsSpan(0, 16));
    }
}

/// <summary>
/// A one-time sign-in link. Only the SHA-256 of the token is stored, so a copy of the database
/// cannot be used to sign in.
/// </summary>
public class SignInLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Hex SHA-256 of the token in the link.</summary>
    public string Id { get; set; } = "";
    public Guid ParticipantId { get; set; }
    public string ReturnUrl { get; set; } = "/";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>
    /// Marten's version of the stored link (optimistic concurrency is on for links): of several requests
    /// using one link at the same moment, only the first to save counts; the others fail instead of each
    /// signing someone in.
    /// </summary>
    [Marten.Schema.Version]
    public Guid Version { get; set; }

    public bool UsableAt(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string HashOf(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
