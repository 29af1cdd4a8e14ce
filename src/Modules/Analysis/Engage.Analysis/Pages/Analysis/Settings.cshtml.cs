using System.Text.RegularExpressions;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// A corpus's analysis settings: who recommendations are addressed to, the smallest group any figure
/// or quote may describe, and which attributes name a quote's author.
/// </summary>
public partial class SettingsModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    /// <summary>Empty rows offered for new audiences.</summary>
    public const int NewRows = 2;

    public sealed class AudienceRow
    {
        public string? Key { get; set; }
        public string? Label { get; set; }
        public bool Remove { get; set; }
    }

    [BindProperty] public List<AudienceRow> Audiences { get; set; } = [];
    [BindProperty] public int? MinimumGroupSize { get; set; }
    [BindProperty] public List<string?> Attribution { get; set; } = [];

    public AnalysisSettings Settings { get; private set; } = null!;
    public int WorkshopFloor { get; private set; }
    public IReadOnlyList<string> AttributeNames { get; private set; } = [];

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        Settings = await session.SettingsOf(id);
        var workshop = await session.LoadAsync<CorpusWorkshop>(id);
        WorkshopFloor = workshop?.Opened.MinimumGroupSize ?? 0;
        AttributeNames = [.. (await WorkspaceQueries.AttributeNames(session, id, workshop)).Union(Settings.AttributionAttributes)];
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Audiences = [.. Settings.Audiences.Select(a => new AudienceRow { Key = a.Key, Label = a.Label })];
        MinimumGroupSize = Settings.MinimumGroupSize;
        Attribution = [.. Settings.AttributionAttributes];
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id)
    {
        // A new audience's key comes from its name; an existing one keeps its key, which recommendations refer to.
        var audiences = Audiences.Where(a => !a.Remove && !string.IsNullOrWhiteSpace(a.Label))
            .Select(a => new Audience(string.IsNullOrWhiteSpace(a.Key) ? KeyFor(a.Label!) : a.Key, a.Label!.Trim())).ToArray();
        var form = new SettingsForm(audiences, MinimumGroupSize, [.. Attribution.OfType<string>()]);
        return Run(id, new ChangeAnalysisSettings(id, form), "The settings are saved.", $"/analysis/{id}/settings", "settings");
    }

    public static string KeyFor(string label)
    {
        var key = NotKeyCharacters().Replace(label.Trim().ToLowerInvariant(), "-").Trim('-');
        return key.Length == 0 ? "audience" : key[..Math.Min(key.Length, 40)];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKeyCharacters();
}
