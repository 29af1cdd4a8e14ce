using System.Security.Claims;

namespace Engage.Platform.Web;

/// <summary>Something a signed-in person could do next, with where to do it; <paramref name="Order"/> follows the lifecycle.</summary>
public sealed record NextStep(string Text, string Href, int Order);

/// <summary>
/// A module's contribution to the start page: what waits for this person in that module's stage, read
/// from that module's own data only. The start page lists every module's steps together, so no module
/// reads another's data (each registers one with <c>AddSingleton&lt;INextSteps, ...&gt;</c>).
/// </summary>
public interface INextSteps
{
    Task<IReadOnlyList<NextStep>> ForAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellation);
}
