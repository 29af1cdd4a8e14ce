namespace Engage.Workshop.Contributions;

public enum ContributionStatus { Held, Published, Rejected, Withdrawn }

/// <summary>One contribution's stream folded into its current state (an inline snapshot).</summary>
public class Contribution
{
    public Guid Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Guid ThemeId { get; set; }
    public Guid? ParentId { get; set; }
    public Guid AuthorId { get; set; }
    public string Pseudonym { get; set; } = "";
    public string Text { get; set; } = "";
    public ContributionStatus Status { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    /// <summary>The comment's id in the source of an imported conversation.</summary>
    public string? SourceId { get; set; }
    /// <summary>Why the automatic checks (or pre-moderation) held it.</summary>
    public List<string> HeldFor { get; set; } = [];
    /// <summary>The moderator's decision ("approved", "rejected", "redacted") and its reason, if any.</summary>
    public string? Decision { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>Flags raised by participants since the last decision; each participant flags once.</summary>
    public List<Flag> Flags { get; set; } = [];

    /// <summary>Waiting for a moderator: held before publication, or published and flagged since.</summary>
    public bool AwaitsModerator => Status == ContributionStatus.Held || (Status == ContributionStatus.Published && Flags.Count > 0);

    public static Contribution Create(ContributionPosted e) => new()
    {
        Id = e.ContributionId, WorkshopId = e.WorkshopId, ThemeId = e.ThemeId, ParentId = e.ParentId, AuthorId = e.AuthorId,
        Pseudonym = e.Pseudonym, Text = e.Text, Status = ContributionStatus.Published, PostedAt = e.PostedAt, SourceId = e.SourceId
    };

    public void Apply(ContributionHeld e)
    {
        Status = ContributionStatus.Held;
        HeldFor = [.. e.Reasons];
    }

    public void Apply(ContributionEdited e)
    {
        Text = e.Text;
        EditedAt = e.At;
    }

    public void Apply(ContributionWithdrawnByAuthor e) => Status = ContributionStatus.Withdrawn;

    public void Apply(ContributionAnonymised e)
    {
        AuthorId = Guid.Empty;
        Pseudonym = e.Pseudonym;
    }

    public void Apply(ContributionFlagged e) => Flags.Add(new Flag(e.ParticipantId, e.Reason));

    public void Apply(ContributionKept e)
    {
        Decide(ContributionStatus.Published, "kept", e.Reason);
        Flags.Clear();
    }

    public void Apply(ContributionApproved e) => Decide(ContributionStatus.Published, "approved", null);
    public void Apply(ContributionRejected e) => Decide(ContributionStatus.Rejected, "rejected", e.Reason);

    public void Apply(ContributionRedacted e)
    {
        Text = e.Text;
        Decide(ContributionStatus.Published, "redacted", e.Reason);
    }

    private void Decide(ContributionStatus status, string decision, string? reason)
    {
        Flags.Clear();
        Status = status;
        Decision = decision;
        DecisionReason = reason;
    }
}

public record ContributionPosted(Guid ContributionId, Guid WorkshopId, Guid ThemeId, Guid? ParentId, Guid AuthorId,
    string Pseudonym, string Text, DateTimeOffset PostedAt, string? SourceId = null);
public record ContributionHeld(Guid ContributionId, string[] Reasons);
public record ContributionEdited(Guid ContributionId, string Text, DateTimeOffset At);
public record ContributionWithdrawnByAuthor(Guid ContributionId, DateTimeOffset At);
/// <summary>Its author deleted their data and the workshop keeps contributions: the link to them is cut.</summary>
public record ContributionAnonymised(Guid ContributionId, string Pseudonym, DateTimeOffset At);
public record Flag(Guid ParticipantId, string Reason);
public record ContributionFlagged(Guid ContributionId, Guid ParticipantId, string Reason, DateTimeOffset At);
public record ContributionKept(Guid ContributionId, Guid ModeratorId, string Reason, DateTimeOffset At);
public record ContributionApproved(Guid ContributionId, Guid ModeratorId, DateTimeOffset At);
public record ContributionRejected(Guid ContributionId, Guid ModeratorId, string Reason, DateTimeOffset At);
public record ContributionRedacted(Guid ContributionId, Guid ModeratorId, string Text, string Reason, DateTimeOffset At);

public static class Pseudonyms
{
    /// <summary>A stable "Participant 4821" per person, so peers can follow a thread without knowing who wrote it.</summary>
    public static string For(Guid authorId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(authorId.ToByteArray());
        return $"Participant {BitConverter.ToUInt32(hash, 0) % 9000 + 1000}";
    }
}
