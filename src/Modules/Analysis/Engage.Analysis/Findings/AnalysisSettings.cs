using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Findings;

public sealed record Audience(string Key, string Label);

/// <summary>
/// A corpus's analysis settings: who recommendations may be addressed to, the smallest group any
/// figure or attribution may describe (the workshop's, unless analysts set a larger one), and which
/// attributes name a quote's author, most telling first.
/// </summary>
public class AnalysisSettings
{
    public static readonly Audience[] DefaultAudiences =
        [new("national-bodies", "National bodies"), new("employers", "Employers"), new("individuals", "Individuals")];
    public static readonly string[] DefaultAttribution = ["role", "profession", "region"];
    public const int DefaultMinimumGroupSize = 10;

    public Guid Id { get; set; }
    public List<Audience> Audiences { get; set; } = [.. DefaultAudiences];
    public int? MinimumGroupSize { get; set; }
    public List<string> AttributionAttributes { get; set; } = [.. DefaultAttribution];

    /// <summary>The workshop's minimum is a floor analysts may raise but never lower.</summary>
    public int MinimumFor(CorpusWorkshop? workshop)
    {
        var floor = workshop?.Opened.MinimumGroupSize ?? 0;
        return Math.Max(floor, MinimumGroupSize ?? (floor > 0 ? floor : DefaultMinimumGroupSize));
    }
}

public record SettingsForm(Audience[]? Audiences, int? MinimumGroupSize, string[]? AttributionAttributes);

/// <summary>Changes what the form gives; a part left out stays as it is.</summary>
public record ChangeAnalysisSettings(Guid CorpusId, SettingsForm Form);

[MartenStore(typeof(IAnalysisStore))]
public static class ChangeAnalysisSettingsHandler
{
    public const int MaxAudiences = 12, MaxAttribution = 5;

    public static async Task<AnalysisSettings> Handle(ChangeAnalysisSettings command, IDocumentSession session)
    {
        RuleBroken.Unless(await session.LoadAsync<Corpus>(command.CorpusId) is not null, "The corpus was not found.", 404);
        var settings = await session.SettingsOf(command.CorpusId);
        var form = command.Form;
        if (form.Audiences is { } audiences)
        {
            RuleBroken.Unless(audiences.Length is > 0 and <= MaxAudiences, $"Give 1 to {MaxAudiences} audiences for recommendations.");
            RuleBroken.Unless(audiences.All(a => !string.IsNullOrWhiteSpace(a.Key) && a.Key.Length <= 40 && a.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')),
                "Each audience's key is letters, digits and hyphens, at most 40 of them.");
            RuleBroken.Unless(audiences.All(a => !string.IsNullOrWhiteSpace(a.Label) && a.Label.Trim().Length <= 80), "Each audience needs a name of at most 80 characters.");
            RuleBroken.Unless(audiences.Select(a => a.Key).Distinct().Count() == audiences.Length
                              && audiences.Select(a => a.Label.Trim().ToLowerInvariant()).Distinct().Count() == audiences.Length, "Two audiences have the same name.");
            var kept = audiences.Select(a => a.Key).ToHashSet();
            var orphaned = await session.Query<Recommendation>().Where(r => r.CorpusId == command.CorpusId).Select(r => r.Audience).ToListAsync();
            var removed = orphaned.Where(a => !kept.Contains(a)).Distinct().ToList();
            RuleBroken.Unless(removed.Count == 0, $"Recommendations are addressed to {string.Join(", ", removed.Select(k => settings.Audiences.FirstOrDefault(a => a.Key == k)?.Label ?? k))}: " +
                "address them to another audience before removing it.", 409);
            settings.Audiences = [.. audiences.Select(a => new Audience(a.Key, a.Label.Trim()))];
        }
        if (form.MinimumGroupSize is { } minimum)
        {
            RuleBroken.Unless(minimum is >= 1 and <= 1000, "The smallest group shown must be 1 to 1,000 people.");
            settings.MinimumGroupSize = minimum;
        }
        if (form.AttributionAttributes is { } keys)
        {
            var named = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList();
            RuleBroken.Unless(named.Count <= MaxAttribution && named.All(k => k.Length <= 60), $"A quote is attributed by at most {MaxAttribution} attributes.");
            RuleBroken.Unless(named.Distinct().Count() == named.Count, "An attribute is named twice in the attribution.");
            settings.AttributionAttributes = named;
        }
        session.Store(settings);
        return settings;
    }
}

public static class AnalysisSettingsQueries
{
    public static async Task<AnalysisSettings> SettingsOf(this IQuerySession session, Guid corpusId) =>
        await session.LoadAsync<AnalysisSettings>(corpusId) ?? new AnalysisSettings { Id = corpusId };
}

[MartenStore(typeof(IAnalysisStore))]
[Authorize(Roles = Roles.Analysts)]
public static class AnalysisSettingsEndpoint
{
    [WolverineGet("/api/analysis/corpora/{id}/settings")]
    public static async Task<IResult> Get(Guid id, IQuerySession session) =>
        await session.LoadAsync<Corpus>(id) is null
            ? ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."))
            : Results.Ok(await session.SettingsOf(id));

    [WolverinePut("/api/analysis/corpora/{id}/settings")]
    public static Task<IResult> Put(Guid id, SettingsForm form, IMessageBus bus) =>
        ApiDoor.Invoke<AnalysisSettings>(bus, new ChangeAnalysisSettings(id, form), Results.Ok);
}
