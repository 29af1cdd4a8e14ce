using Engage.Embeddings;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Platform.Jobs;
using Engage.Seminar.Invitations;
using Engage.Seminar.Seminars;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Seminar;

/// <summary>The seminar's own Marten store: documents and events in schema <c>seminar</c>.</summary>
public interface ISeminarStore : IDocumentStore;

public static class SeminarModule
{
    public const string Schema = "seminar";

    public static WebApplicationBuilder AddSeminarModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddMartenStore<ISeminarStore>(sp =>
            {
                var opts = new StoreOptions();
                opts.Connection(sp.GetRequiredService<EngageDatabase>().DataSource);
                opts.DatabaseSchemaName = Schema;
                opts.DisableNpgsqlLogging = true;
                opts.ConfigureSeminar();
                return opts;
            })
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddModuleServices(typeof(SeminarModule).Assembly);
        builder.Services.AddEngageEmbeddings(builder.Configuration);
        builder.Services.AddRecurringMessage("seminar.send-due-reminders", "0 8 * * *", new SendDueSeminarReminders());
        builder.Services.AddSingleton(new NavigationItem("Seminars", "/seminars", 10, Roles.Admin, Roles.ProgrammeStaff, Roles.Facilitator));
        builder.Services.AddSingleton<INextSteps, Seminars.SeminarNextSteps>();
        return builder;
    }

    public static void ConfigureSeminar(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Seminars.Seminar>(SnapshotLifecycle.Inline);
        opts.Schema.For<Invitations.SeminarInvitation>().Index(x => x.SeminarId);
        opts.Schema.For<Capture.ProblemEmbedding>().Duplicate(x => x.SeminarId);
        opts.Events.AddEventTypes(
        [
            typeof(SeminarPlanned), typeof(SeminarDetailsChanged), typeof(InviteeAdded), typeof(InvitationSent), typeof(ReminderSent),
            typeof(RsvpRecorded), typeof(AttendanceRecorded), typeof(ProblemSubmitted), typeof(ProblemsMerged), typeof(ThemeDrafted),
            typeof(ThemeRevised), typeof(DotsPlaced), typeof(ThemesAgreed)
        ]);
    }
}
