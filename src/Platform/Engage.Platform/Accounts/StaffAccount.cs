namespace Engage.Platform.Accounts;

/// <summary>A staff member who signs in with email and password. Stored in schema <c>access</c>.</summary>
public class StaffAccount
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    public Guid Id { get; set; }
    /// <summary>Lower-cased, trimmed: the unique sign-in name.</summary>
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public bool Disabled { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Changes whenever password, roles or status change, so older sign-ins stop working.</summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void RecordFailure(DateTimeOffset now)
    {
        FailedAttempts++;
        if (FailedAttempts >= MaxFailedAttempts)
        {
            LockedUntil = now + LockoutPeriod;
            FailedAttempts = 0;
        }
    }

    public void RecordSuccess()
    {
        FailedAttempts = 0;
        LockedUntil = null;
    }
}
