using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Marten;

namespace Engage.Analysis.Findings;

/// <summary>
/// Everything about one corpus that findings are computed from, read once. A respondent is the
/// author of an item (its pseudonymous participant) or, for an uploaded corpus, the row itself; a
/// code applies to an item when any analyst applied it or one of its subcodes (whole or a span).
/// </summary>
public sealed class CorpusFacts
{
    public required Corpus Corpus { get; init; }
    public required CorpusWorkshop? Workshop { get; init; }
    public required CorpusClosure? Closure { get; init; }
    public required AnalysisSettings Settings { get; init; }
    public required Codebook Codebook { get; init; }
    public required IReadOnlyList<CorpusItem> Items { get; init; }
    public required IReadOnlyDictionary<Guid, CorpusParticipant> Participants { get; init; }
    public required IReadOnlyList<CorpusVote> Votes { get; init; }
    public required IReadOnlyList<AppliedCode> Codings { get; init; }
    public required IReadOnlyDictionary<Guid, string> Marks { get; init; }
    public required IReadOnlyList<Quote> Quotes { get; init; }
    public required IReadOnlyList<Recommendation> Recommendations { get; init; }

    public int MinimumGroupSize => Settings.MinimumFor(Workshop);

    private Dictionary<Guid, CorpusItem>? _byId;
    public CorpusItem? ItemOf(Guid id) => (_byId ??= Items.ToDictionary(i => i.Id)).GetValueOrDefault(id);

    /// <summary>
    /// The person behind an item: in a workshop, its author; in an uploaded corpus, the row itself (one
    /// respondent per row). Null for the programme team's seed statements and for what someone who deleted
    /// their data left behind: those are contributions, but nobody's, so they never count as people.
    /// </summary>
    public Guid? PersonOf(CorpusItem item) => Corpus.WorkshopId is null ? item.Id : item.AuthorId;

    /// <summary>The distinct people who wrote at least one of <paramref name="itemIds"/>.</summary>
    public IReadOnlySet<Guid> PeopleWhoWrote(IReadOnlySet<Guid> itemIds) =>
        Items.Where(i => itemIds.Contains(i.Id)).Select(PersonOf).OfType<Guid>().ToHashSet();

    /// <summary>A seed statement: posted by the programme team in a workshop, not by anyone taking part.</summary>
    public bool IsSeed(CorpusItem item) => Corpus.WorkshopId is not null && item.AuthorId is null && item.Pseudonym != FormerParticipant;

    /// <summary>The name an item keeps when its author deleted their data (<see cref="CorpusItem.Unattribute"/>).</summary>
    public const string FormerParticipant = "Former participant";

    public IReadOnlyDictionary<string, string> AttributesOf(CorpusItem item) =>
        item.AuthorId is { } author && Participants.TryGetValue(author, out var p) ? p.Attributes : item.Attributes;

    private Dictionary<Guid, IReadOnlyDictionary<string, string>>? _contributors;
    /// <summary>Everyone who wrote at least one published item, with their attributes (seed statements are nobody's).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>> Contributors => _contributors ??=
        Items.Where(i => PersonOf(i) is not null).GroupBy(i => PersonOf(i)!.Value).ToDictionary(g => g.Key, g => AttributesOf(g.First()));

    private List<CorpusVote>? _liveVotes;
    /// <summary>Current votes on items still in the corpus: a vote on a withdrawn or removed contribution counts for nothing.</summary>
    public IReadOnlyList<CorpusVote> LiveVotes => _liveVotes ??= [.. Votes.Where(v => ItemOf(v.ContributionId) is not null)];

    /// <summary>Attribute names in the order people were asked them (workshop), then any others found.</summary>
    public IReadOnlyList<string> AttributeNames =>
        [.. (Workshop?.Opened.ProfileQuestions ?? []).Concat(Contributors.Values.SelectMany(a => a.Keys)).Concat(Participants.Values.SelectMany(p => p.Attributes.Keys)).Distinct()];

    /// <summary>An attribute's words for people: the profile question's label, else the key made readable ("Years in practice").</summary>
    public string LabelOf(string attribute) =>
        Workshop?.Opened.ProfileLabels?.GetValueOrDefault(attribute) is { Length: > 0 } label ? label : Platform.Wording.Words.Humanise(attribute);

    private Dictionary<Guid, HashSet<Guid>>? _itemsByCode;
    /// <summary>Items each code applies to, counting its subcodes' items.</summary>
    public IReadOnlySet<Guid> ItemsWith(Guid codeId)
    {
        if (_itemsByCode is null)
        {
            // Each coding counts for its code and every ancestor: one walk up the tree per code, not per pair.
            var ancestors = Codebook.Codes.ToDictionary(c => c.Id, c => Codebook.Codes.Where(a => Codebook.IsWithin(c.Id, a.Id)).Select(a => a.Id).ToList());
            _itemsByCode = Codebook.Codes.ToDictionary(c => c.Id, _ => new HashSet<Guid>());
            foreach (var coding in Codings)
                foreach (var code in ancestors.GetValueOrDefault(coding.CodeId) ?? [])
                    _itemsByCode[code].Add(coding.ItemId);
        }
        return _itemsByCode.TryGetValue(codeId, out var items) ? items : [];
    }

    /// <summary>Items of a code or, when the id is a workshop theme, items posted under it.</summary>
    public IReadOnlySet<Guid> ItemsUnder(Guid themeOrCodeId) =>
        Codebook.CodeOf(themeOrCodeId) is not null ? ItemsWith(themeOrCodeId) : Items.Where(i => i.ThemeId == themeOrCodeId).Select(i => i.Id).ToHashSet();

    public static async Task<CorpusFacts> LoadAsync(IQuerySession session, Guid corpusId, CancellationToken cancellation = default)
    {
        var items = await session.ItemsOf(corpusId).ToListAsync(cancellation);
        return new CorpusFacts
        {
            Corpus = (await session.LoadAsync<Corpus>(corpusId, cancellation))!,
            Workshop = await session.LoadAsync<CorpusWorkshop>(corpusId, cancellation),
            Closure = await session.LoadAsync<CorpusClosure>(corpusId, cancellation),
            Settings = await session.SettingsOf(corpusId),
            Codebook = await session.CodebookOf(corpusId),
            Items = items,
            Participants = (await session.Query<CorpusParticipant>().Where(p => p.WorkshopId == corpusId).ToListAsync(cancellation)).ToDictionary(p => p.Id),
            Votes = await session.Query<CorpusVote>().Where(v => v.WorkshopId == corpusId).ToListAsync(cancellation),
            Codings = await session.CodingsOf(corpusId).ToListAsync(cancellation),
            Marks = (await session.Query<ItemMark>().Where(m => m.CorpusId == corpusId).ToListAsync(cancellation)).ToDictionary(m => m.Id, m => m.Kind),
            Quotes = await session.Query<Quote>().Where(q => q.CorpusId == corpusId).OrderBy(q => q.StarredAt).ToListAsync(cancellation),
            Recommendations = await session.Query<Recommendation>().Where(r => r.CorpusId == corpusId).OrderBy(r => r.WrittenAt).ToListAsync(cancellation)
        };
    }

    public QuoteView? ViewOf(Quote quote) => ItemOf(quote.ItemId) is { } item
        ? new QuoteView(quote.Id, item.Id, item.Text, Attribution.Of(this, item), quote.Note,
            Codings.Where(c => c.ItemId == item.Id).Select(c => c.CodeId).Distinct().ToList(), quote.StarredAt)
        : null;
}
