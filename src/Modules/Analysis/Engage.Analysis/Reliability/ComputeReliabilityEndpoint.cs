using Engage.Platform;
using Engage.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Engage.Analysis.Reliability;

/// <summary>Coders' judgements: one row per coder, one value per unit, null where a coder did not judge it.</summary>
public record ReliabilityRequest(string? Level, double?[][]? Ratings);

/// <summary>
/// Reliability of any set of judgements (the team's own double-coding, or figures to check against a
/// published example): Krippendorff's alpha at the given level, percent agreement, and the kappas
/// where they apply. Bad input answers 400 saying why; nothing is stored.
/// </summary>
[Authorize(Roles = Roles.Analysts)]
public static class ComputeReliabilityEndpoint
{
    public const int MaxValues = 1_000_000;

    [WolverinePost("/api/analysis/reliability")]
    public static IResult Post(ReliabilityRequest request)
    {
        try
        {
            if (request.Ratings is not { } ratings) throw new ReliabilityInputException("'ratings' is required: one array of values per coder.");
            if (ratings.Any(r => r is null)) throw new ReliabilityInputException("Each coder's ratings must be an array (null values mark units not judged).");
            if (ratings.Sum(r => (long)r.Length) > MaxValues) throw new ReliabilityInputException($"At most {MaxValues:N0} values in one request.");
            var summary = RatingsReliability.Summarise(ratings, LevelsOfMeasurement.Parse(request.Level ?? "nominal"));
            return Results.Ok(new
            {
                level = summary.Level.ToString().ToLowerInvariant(), krippendorffAlpha = summary.KrippendorffAlpha, percentAgreement = summary.PercentAgreement,
                cohenKappa = summary.CohenKappa, fleissKappa = summary.FleissKappa, units = summary.Units, pairableUnits = summary.PairableUnits,
                coders = summary.Coders, notes = summary.Notes
            });
        }
        catch (ReliabilityInputException e) { return ApiDoor.Problem(new RuleBroken(400, e.Message)); }
    }
}
