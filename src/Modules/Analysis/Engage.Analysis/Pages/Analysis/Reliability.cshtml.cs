using System.Globalization;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Analysis.Reliability;
using Engage.Platform.Accounts;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// Inter-coder reliability: drawing a double-coding sample for two analysts or more, how far each has
/// got, and the agreement figures (over a sample, or over every item two analysts coded) with the
/// disagreements to talk through.
/// </summary>
public class ReliabilityModel(IAnalysisStore store, IMessageBus bus, IDocumentStore platform) : AnalysisPage(store, bus)
{
    /// <summary>Disagreements listed per code; the rest are counted.</summary>
    public const int DisagreementsShown = 25;

    [BindProperty(SupportsGet = true)] public Guid? Sample { get; set; }
    [BindProperty] public Guid[] CoderIds { get; set; } = [];
    [BindProperty] public string? Fraction { get; set; }
    [BindProperty] public int? Size { get; set; }
    [BindProperty] public int? Seed { get; set; }
    [BindProperty] public Guid? ThemeId { get; set; }

    public IReadOnlyList<Colleague> Analysts { get; private set; } = [];
    public IReadOnlyList<SampleView> Samples { get; private set; } = [];
    public Func<Guid, string> NameOf { get; private set; } = _ => "";
    public CorpusWorkshop? Workshop { get; private set; }
    public CorpusReliabilityView? Figures { get; private set; }
    /// <summary>Why the figures cannot be computed yet, in words an analyst can act on.</summary>
    public string? Unavailable { get; private set; }
    public IReadOnlyDictionary<Guid, string> TextOf { get; private set; } = new Dictionary<Guid, string>();

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        Workshop = await session.LoadAsync<CorpusWorkshop>(id);
        Analysts = await WorkspaceQueries.Analysts(platform);
        Samples = await CodingSamplesEndpoint.List(id, session);
        try { Figures = await CorpusReliabilityEndpoint.Assess(id, Sample, session, platform); }
        catch (ReliabilityInputException e) { Unavailable = e.Message; }
        catch (RuleBroken broken) { Refused(broken); }
        // Samples name coders who may not have coded yet; the figures name those who have, as their codings recorded them.
        var names = await CoderNames.Of(platform, Samples.SelectMany(s => s.CoderIds));
        var coded = (Figures?.Coders ?? []).GroupBy(j => j.CoderId).ToDictionary(g => g.Key, g => g.First().Coder);
        NameOf = coder => names.GetValueOrDefault(coder) ?? coded.GetValueOrDefault(coder) ?? CoderNames.Former;
        if (Figures is not null)
        {
            var ids = Figures.Codes.SelectMany(c => c.Disagreements.Take(DisagreementsShown)).Select(d => d.ItemId).Distinct().ToArray();
            TextOf = (await session.LoadManyAsync<CorpusItem>(ids)).ToDictionary(i => i.Id, i => i.Text);
        }
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public async Task<IActionResult> OnPostDrawAsync(Guid id)
    {
        double? fraction = null;
        if (!string.IsNullOrWhiteSpace(Fraction))
        {
            if (!double.TryParse(Fraction.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                return await Refuse(id, new RuleBroken(400, "Enter the share of items as a number, such as 0.1 for a tenth."), "sample-fraction");
            fraction = Fraction.Trim().EndsWith('%') ? parsed / 100 : parsed;
        }
        var form = new SampleForm(fraction, Size, CoderIds, Seed, ThemeId);
        if (await Ask<SampleDrawn>(new DrawSample(id, form, Analyst)) is not { } drawn) return await Refuse(id, null, "sample-coders");
        Notice = $"A sample of {drawn.Items:N0} items is drawn. Each coder finds them on the coding page, marked as in the sample, with others' codings hidden.";
        return Redirect($"/analysis/{id}/reliability?sample={drawn.Id}");
    }

    public async Task<IActionResult> OnPostFinishAsync(Guid id, Guid sampleId)
    {
        if (await Ask<SampleFinished>(new FinishSample(id, sampleId, Analyst)) is not { } finished) return await Refuse(id, null, $"finish-{sampleId}");
        Notice = finished.MarkedNoCode == 0 ? "You have finished the sample: you had coded every item."
            : $"You have finished the sample: {Words.Count(finished.MarkedNoCode, "item")} you did not code {(finished.MarkedNoCode == 1 ? "counts" : "count")} as no code applying.";
        return Redirect($"/analysis/{id}/reliability?sample={sampleId}#samples");
    }

    public Guid Me => Analyst;

    /// <summary>The sample whose figures are shown, to say who still has items to code.</summary>
    public SampleView? Shown => Samples.FirstOrDefault(s => s.Id == Sample);

    public static string Figure(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "not available";

    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "not available";

    public static string Excerpt(string text, int length = 160) => text.Length <= length ? text : text[..length].TrimEnd() + "…";

    /// <summary>A link to the item on the coding page: its text (up to the search's limit) finds it.</summary>
    public string ItemLink(Guid itemId) =>
        $"/analysis/{Corpus.Id}/code?item={itemId}#item-{itemId}";
}
