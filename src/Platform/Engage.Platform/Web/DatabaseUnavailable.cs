using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Engage.Platform.Web;

/// <summary>
/// When PostgreSQL cannot be reached the answer is 503 with Retry-After, not 500: the request may be
/// repeated once the database is back, and a load balancer can tell an outage from a bug.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsOutage(exception)) return false;
        logger.LogWarning(exception, "PostgreSQL is unavailable");
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, Exception = exception,
            ProblemDetails = { Status = 503, Title = "Service unavailable", Detail = "The database is unavailable. Please try again shortly." }
        });
    }

    public static bool IsOutage(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException) return true;
            if (e is NpgsqlException { IsTransient: true }) return true;
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }) return true;
            if (e is NpgsqlException { InnerException: IOException or SocketException }) return true;
        }
        return false;
    }
}

/// <summary>Ready only when PostgreSQL answers within two seconds.</summary>
public sealed class DatabaseReadyCheck(EngageDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var command = database.DataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not answering", e);
        }
    }
}
