namespace Engage.Workshop.Contributions;

public enum ContributionStatus { Published }

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

    public static Contribution Create(ContributionPosted e) => new()
    {
        Id = e.ContributionId, WorkshopId = e.WorkshopId, ThemeId = e.ThemeId, ParentId = e.ParentId, AuthorId = e.AuthorId,
        Pseudonym = e.Pseudonym, Text = e.Text, Status = ContributionStatus.Published, PostedAt = e.PostedAt
    };
}

public record ContributionPosted(Guid ContributionId, Guid WorkshopId, Guid ThemeId, Guid? ParentId, Guid AuthorId,
    string Pseudonym, string Text, DateTimeOffset PostedAt);

public static class Pseudonyms
{
    /// <summary>A stable "Participant 4821" per person, so peers can follow a thread without knowing who wrote it.</summary>
    public static string For(Guid authorId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(authorId.ToByteArray());
        return $"Participant {BitConverter.ToUInt32(hash, 0) % 9000 + 1000}";
    }
}
