using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Platform.Jobs;

/// <summary>Hangfire on PostgreSQL (schema <c>hangfire</c>) with its dashboard at /admin/jobs for Admins.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddEngageJobs(this IServiceCollection services, EngageDatabase database)
    {
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(5)
            }));
        // Two workers: jobs only send a message, the work runs in Wolverine handlers.
        services.AddHangfireServer(o => o.WorkerCount = 2);
        return services;
    }

    public static WebApplication MapEngageJobs(this WebApplication app)
    {
        // Authorization is the endpoint's Admin policy, not Hangfire's local-requests-only filter.
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions { Authorization = [], DashboardTitle = "Engage jobs", AppPath = "/" })
            .RequireAuthorization(Policies.AdminOnly);
        return app;
    }
}
