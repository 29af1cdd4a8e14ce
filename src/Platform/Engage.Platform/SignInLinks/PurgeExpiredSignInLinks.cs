using Marten;
using Wolverine.Marten;

namespace Engage.Platform.SignInLinks;

/// <summary>Sent hourly by a Hangfire job: removes links that can no longer be used.</summary>
public record PurgeExpiredSignInLinks;

public static class PurgeExpiredSignInLinksHandler
{
    public static IMartenOp Handle(PurgeExpiredSignInLinks _, DateTimeOffset now) =>
        MartenOps.DeleteWhere<SignInLink>(x => x.ExpiresAt < now || x.UsedAt != null);
}
