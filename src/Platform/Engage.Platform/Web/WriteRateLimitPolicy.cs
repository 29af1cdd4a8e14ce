using System.Security.Claims;
using System.Threading.RateLimiting;
using Engage.Platform.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Engage.Platform.Web;

/// <summary>
/// Limits participants' writes (posts, votes, joining): a signed-in participant by their own count, anyone
/// else by their address. The address limit is generous because a hospital's staff may share one address;
/// both are settings (RateLimits:WritesPerMinutePerParticipant, RateLimits:WritesPerMinutePerAddress).
/// Reads and GET requests are never limited.
/// </summary>
public sealed class WriteRateLimitPolicy(int perParticipant, int perAddress) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            return RateLimitPartition.GetNoLimiter("read");
        return context.User.FindFirstValue(EngageClaims.ParticipantId) is { } participant
            ? Window("participant:" + participant, perParticipant)
            : Window("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), perAddress);
    }

    private static RateLimitPartition<string> Window(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
}
