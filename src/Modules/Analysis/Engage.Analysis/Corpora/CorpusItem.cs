using Engage.Workshop.Contracts;
using Mapster;

namespace Engage.Analysis.Corpora;

/// <summary>
/// The Analysis module's own copy of a contribution, fed by Workshop events (no cross-module reads).
/// Its id is the contribution's id, so a redelivered event overwrites rather than duplicates.
/// </summary>
public class CorpusItem
{
    public Guid Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Guid ThemeId { get; set; }
    public Guid? ParentId { get; set; }
    public string Text { get; set; } = "";
    public string Pseudonym { get; set; } = "";
    /// <summary>The author's pseudonymous id in the workshop; null for the programme team.</summary>
    public Guid? AuthorId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>The comment's id in the source of an imported conversation, or the row id of an uploaded corpus.</summary>
    public string? SourceId { get; set; }
    /// <summary>Attributes of the item itself (the columns of an uploaded corpus); workshop items take theirs from the author.</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];

    /// <summary>The item of someone who deleted their data stays, linked to no one.</summary>
    public static void Unattribute(CorpusItem item)
    {
        item.AuthorId = null;
        item.Pseudonym = "Former participant";
    }
}

public sealed class CorpusItemMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<ContributionPublished, CorpusItem>().Map(d => d.Id, s => s.ContributionId).Ignore(d => d.Attributes);
}
