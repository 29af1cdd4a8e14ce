using System.Globalization;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Resources;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;

namespace Engage.Host;

/// <summary>
/// What the one deployable host adds around the modules: logging, tracing, the message bus
/// configuration they share, the API description. No domain logic lives here.
/// </summary>
public static class Hosting
{
    public static WebApplicationBuilder AddEngageHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((_, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            // A broken rule is the caller's mistake: the door that answers it logs a warning (RuleBroken.Log),
            // so the error and stack trace Wolverine writes for the same exception are left out.
            .Filter.ByExcluding(e => e.Exception is Engage.Platform.Web.RuleBroken)
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));

        // Traces and metrics are always collected; they leave the process only when an OTLP collector
        // is named (OTEL_EXPORTER_OTLP_ENDPOINT), so a developer machine sends nothing anywhere.
        var export = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Engage"))
            .WithTracing(t =>
            {
                t.AddSource("Wolverine", "Marten", "Microsoft.AspNetCore").AddNpgsql();
                if (export) t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter("Wolverine", "Marten", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (export) m.AddOtlpExporter();
            });

        builder.Services.CritterStackDefaults(x =>
        {
            x.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            // Production loads handler code that run.sh generates from the same source before its
            // final build (see docs/adr/0007): no Roslyn at start-up, first requests 5x faster.
            x.Production.GeneratedCodeMode = TypeLoadMode.Static;
            x.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });
        builder.Services.AddResourceSetupOnStartup();

        builder.Host.UseWolverine(opts =>
        {
            opts.ServiceName = "Engage";
            // Balanced: several hosts on one database elect a leader and share agents and projections.
            opts.Durability.Mode = DurabilityMode.Balanced;
            opts.Durability.MessageStorageSchemaName = "wolverine";
            // A killed host's unfinished messages wait until the others judge it dead: after 20 s without a
            // health check (every 5 s), not Wolverine's 60 s and 10 s, so its work resumes in about half a
            // minute. Still four missed checks, so a host merely slowed on a busy box is not ejected (docs/adr/0013).
            opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(5);
            opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(20);
            opts.Durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(10);
            // Each module's handler for an event gets its own queue, so one module's failure never blocks another's.
            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.AutoApplyTransactions();
            // Two people writing to one stream at once (dots, problems in a busy seminar): the loser of
            // Marten's version check simply runs again on the new state.
            opts.OnException<JasperFx.ConcurrencyException>().RetryTimes(3);
            opts.Policies.Add<Engage.Platform.Web.RetryThroughOutages>();
        });

        builder.Services.AddWolverineHttp();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapEngageApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapWolverineEndpoints(opts =>
        {
            opts.RequireAuthorizeOnAll();
            opts.RejectUnparseableQueryValues = true;
        });
        return app;
    }
}
