namespace Engage.Workshop.Participants;

/// <summary>
/// A participant's membership of one workshop: a pseudonymous id and name, and their profile answers,
/// stored apart from their contributions and apart from their sign-in email (which the Workshop never keeps).
/// </summary>
public class Registration
{
    /// <summary>The pseudonymous id other modules see.</summary>
    public Guid Id { get; set; }
    public Guid WorkshopId { get; set; }
    /// <summary>The sign-in identity (access schema), known only to this module.</summary>
    public Guid IdentityId { get; set; }
    public string Pseudonym { get; set; } = "";
    public Dictionary<string, string> Profile { get; set; } = [];
    public bool ShowProfession { get; set; }
    /// <summary>Opted in to a daily digest, a reminder before closing, and a "what we heard" email for each published report version.</summary>
    public bool EmailUpdates { get; set; }
    public DateTimeOffset? LastDigestAt { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>The voter's id in the source of an imported conversation; null for people who joined here.</summary>
    public string? SourceId { get; set; }

    public string DisplayName => ShowProfession && Profile.TryGetValue("profession", out var profession)
        ? $"{Pseudonym}, {profession}" : Pseudonym;
}
