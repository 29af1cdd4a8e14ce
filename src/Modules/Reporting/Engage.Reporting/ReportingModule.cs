using Engage.Platform;
using Engage.Platform.Web;
using Engage.Reporting.Reports;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Reporting;

/// <summary>The reporting module's own Marten store: documents and events in schema <c>reporting</c>.</summary>
public interface IReportingStore : IDocumentStore;

public static class ReportingModule
{
    public const string Schema = "reporting";

    public static WebApplicationBuilder AddReportingModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddMartenStore<IReportingStore>(sp =>
            {
                var opts = new StoreOptions();
                opts.Connection(sp.GetRequiredService<EngageDatabase>().DataSource);
                opts.DatabaseSchemaName = Schema;
                opts.DisableNpgsqlLogging = true;
                opts.Schema.For<Report>().Index(x => x.WorkshopId).Index(x => x.AnalysisId);
                return opts;
            })
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddModuleServices(typeof(ReportingModule).Assembly);
        builder.Services.AddSingleton(new NavigationItem("Reports", "/reports", 40, Roles.Admin, Roles.ProgrammeStaff, Roles.Analyst));
        return builder;
    }
}
