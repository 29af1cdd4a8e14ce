using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Engage.Platform.Web;

/// <summary>
/// A module's handler for another module's event (a vote, a contribution) runs from a durable queue.
/// PostgreSQL out of reach is not the event's fault: the handler keeps trying for about four minutes
/// of outage (in memory: nothing can be written meanwhile) instead of giving the event up to the
/// dead-letter table at once, where two votes ended up in a 20-second outage under load. Only those
/// handlers: commands invoked inside a request must fail fast, so the person gets a 503 at once.
/// </summary>
public sealed class RetryThroughOutages : IHandlerPolicy
{
    private static readonly TimeSpan[] Cooldowns = [.. new[] { 1, 2, 5, 10, 20, 30, 60, 60, 60 }.Select(s => TimeSpan.FromSeconds(s))];

    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        // An array is a batch of events; its assembly is its element's.
        foreach (var chain in chains.Where(c => c.MessageType.Assembly.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal)))
            chain.OnException(DatabaseUnavailableHandler.IsOutage).RetryWithCooldown(Cooldowns);
    }
}
