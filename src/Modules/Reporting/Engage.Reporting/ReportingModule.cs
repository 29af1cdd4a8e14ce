using Engage.Platform;
using Engage.Platform.Jobs;
using Engage.Platform.Web;
using Engage.Reporting.Outputs;
using Engage.Reporting.Reports;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Marten;

namespace Engage.Reporting;

/// <summary>The reporting module's own Marten store: documents and events in schema <c>reporting</c>.</summary>
public interface IReportingStore : IDocumentStore;

public static class ReportingModule
{
    public const string Schema = "reporting";

    /// <summary>Staff who read drafts: programme staff (who edit and publish) and analysts.</summary>
    public const string Readers = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Analyst;

    public static WebApplicationBuilder AddReportingModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddMartenStore<IReportingStore>(sp =>
            {
                var opts = new StoreOptions();
                opts.Connection(sp.GetRequiredService<EngageDatabase>().DataSource);
                opts.DatabaseSchemaName = Schema;
                opts.DisableNpgsqlLogging = true;
                opts.Schema.For<Report>().Index(x => x.WorkshopId).Index(x => x.AnalysisId).Index(x => x.CorpusId);
                opts.Schema.For<ReportVersion>().Index(x => x.ReportId);
                return opts;
            })
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddModuleServices(typeof(ReportingModule).Assembly);
        builder.Services.Configure<ReportingOptions>(builder.Configuration.GetSection("Reporting"));
        builder.Services.AddSingleton<PdfPrinter>();
        builder.Services.AddRecurringMessage("reporting.regenerate-drafts", "* * * * *", new RegenerateDrafts());
        builder.Services.AddSingleton(new NavigationItem("Reports", "/reports", 40, Roles.Admin, Roles.ProgrammeStaff, Roles.Analyst));
        builder.Services.AddSingleton<INextSteps, Reports.ReportNextSteps>();
        return builder;
    }
}
