using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
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
    public static async Task<IResult> Put(Guid id, SettingsForm form, IDocumentSession session)
    {
        if (await session.LoadAsync<Corpus>(id) is null) return ApiDoor.Problem(new RuleBroken(404, "The corpus was not found."));
        var settings = await session.SettingsOf(id);
        if (form.Audiences is { } audiences)
        {
            if (audiences.Length is 0 or > 12) return ApiDoor.Problem(new RuleBroken(400, "'audiences' needs 1 to 12 audiences."));
            if (audiences.Any(a => string.IsNullOrWhiteSpace(a.Key) || a.Key.Length > 40 || !a.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                                   || string.IsNullOrWhiteSpace(a.Label) || a.Label.Length > 80))
                return ApiDoor.Problem(new RuleBroken(400, "Each audience needs a 'key' of letters, digits and hyphens (at most 40) and a 'label' (at most 80 characters)."));
            if (audiences.Select(a => a.Key).Distinct().Count() != audiences.Length) return ApiDoor.Problem(new RuleBroken(400, "Audience keys must be different."));
            settings.Audiences = [.. audiences.Select(a => new Audience(a.Key, a.Label.Trim()))];
        }
        if (form.MinimumGroupSize is { } minimum)
        {
            if (minimum is < 1 or > 1000) return ApiDoor.Problem(new RuleBroken(400, "'minimumGroupSize' must be 1 to 1,000."));
            settings.MinimumGroupSize = minimum;
        }
        if (form.AttributionAttributes is { } keys)
        {
            if (keys.Length > 5 || keys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 60)) return ApiDoor.Problem(new RuleBroken(400, "'attributionAttributes' takes up to 5 attribute names."));
            settings.AttributionAttributes = [.. keys];
        }
        session.Store(settings);
        return Results.Ok(settings);
    }

    public static async Task<AnalysisSettings> SettingsOf(this IQuerySession session, Guid corpusId) =>
        await session.LoadAsync<AnalysisSettings>(corpusId) ?? new AnalysisSettings { Id = corpusId };
}
