using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Engage.Platform.Jobs;

/// <summary>
/// The Hangfire job every schedule runs: it only sends a Wolverine message, so the work itself lives
/// in a module's handler, inside the outbox, and is tested like any other handler.
/// </summary>
public sealed class MessageJob(IMessageBus bus)
{
    [AutomaticRetry(Attempts = 3)]
    public Task Send<T>(T message) where T : notnull => bus.SendAsync(message).AsTask();
}

/// <summary>A recurring job a module asks for: a stable id, a cron expression and the message it sends.</summary>
public sealed record RecurringMessage(string Id, string Cron, Action<IRecurringJobManager, string> Register);

public static class RecurringMessageRegistration
{
    /// <summary>Schedule <paramref name="message"/> to be sent on <paramref name="cron"/> (UTC).</summary>
    public static IServiceCollection AddRecurringMessage<T>(this IServiceCollection services, string id, string cron, T message)
        where T : notnull =>
        services.AddSingleton(new RecurringMessage(id, cron,
            (jobs, jobId) => jobs.AddOrUpdate<MessageJob>(jobId, j => j.Send(message), cron)));
}

/// <summary>
/// Registers the modules' recurring jobs when the host starts. AddOrUpdate is idempotent and stored in
/// PostgreSQL, so several hosts agree on one schedule and each occurrence runs once.
/// </summary>
public sealed class RecurringMessageScheduler(IEnumerable<RecurringMessage> messages, IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        foreach (var message in messages) message.Register(jobs, message.Id);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
