using Engage.Embeddings;
using Engage.Platform;
using Engage.Platform.Jobs;
using Engage.Platform.Web;
using Engage.Workshop.Contributions;
using Engage.Workshop.Workshops;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Workshop;

/// <summary>The workshop's own Marten store: documents and events in schema <c>workshop</c>.</summary>
public interface IWorkshopStore : IDocumentStore;

public static class WorkshopModule
{
    public const string Schema = "workshop";

    public static WebApplicationBuilder AddWorkshopModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddMartenStore<IWorkshopStore>(sp =>
            {
                var opts = new StoreOptions();
                opts.Connection(sp.GetRequiredService<EngageDatabase>().DataSource);
                opts.DatabaseSchemaName = Schema;
                opts.DisableNpgsqlLogging = true;
                opts.ConfigureWorkshop();
                return opts;
            })
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddModuleServices(typeof(WorkshopModule).Assembly);
        builder.Services.AddEngageEmbeddings(builder.Configuration);
        builder.Services.AddSingleton<Contributions.ThemeVectorIndex>();
        // After the store's own schema: the counts theme pages sort by, kept by PostgreSQL (ADR 0023).
        builder.Services.AddHostedService<ContributionCounts>();
        builder.Services.Configure<Moderation.ModerationOptions>(builder.Configuration.GetSection("Moderation"));
        builder.Services.Configure<ContributionOptions>(builder.Configuration.GetSection("Contributions"));
        builder.Services.AddRecurringMessage("workshop.open-and-close-due", "* * * * *", new OpenAndCloseDueWorkshops());
        builder.Services.AddRecurringMessage("workshop.send-digests", "0 7 * * *", new Engagement.SendDigests());
        builder.Services.AddRecurringMessage("workshop.send-closing-reminders", "0 * * * *", new Engagement.SendClosingReminders());
        builder.Services.AddSingleton(new NavigationItem("Workshops", "/workshops", 20, Roles.Admin, Roles.ProgrammeStaff));
        builder.Services.AddSingleton(new NavigationItem("Take part", "/take-part", 5, Roles.Participant));
        builder.Services.AddSingleton(new NavigationItem("Moderation", "/moderation", 25, Roles.Admin, Roles.ProgrammeStaff, Roles.Moderator));
        builder.Services.AddSingleton<INextSteps, Dashboard.WorkshopNextSteps>();
        return builder;
    }

    public static void ConfigureWorkshop(this StoreOptions opts)
    {
        opts.Schema.For<Workshops.Workshop>().Index(x => x.SeminarId);
        opts.Projections.Snapshot<Contribution>(SnapshotLifecycle.Inline);
        // Ordering a theme reads these for every contribution in it: as columns, not out of each JSON document (ADR 0010).
        opts.Schema.For<Contributions.ContributionEmbedding>().Duplicate(x => x.WorkshopId).Duplicate(x => x.ThemeId).Duplicate(x => x.EmbeddedAt);
        opts.Schema.For<Contribution>().Duplicate(x => x.WorkshopId).Duplicate(x => x.ThemeId).Duplicate(x => x.ParentId)
            .Duplicate(x => x.PostedAt).Duplicate(x => x.Status);
        opts.Events.AddEventTypes([typeof(ContributionPosted), typeof(ContributionHeld), typeof(ContributionApproved),
            typeof(ContributionRejected), typeof(ContributionRedacted), typeof(ContributionFlagged), typeof(ContributionKept),
            typeof(ContributionEdited), typeof(ContributionWithdrawnByAuthor), typeof(ContributionAnonymised)]);
        opts.Schema.For<Workshops.RecommendationOutcome>().Index(x => x.WorkshopId);
        opts.Schema.For<Participants.Registration>().Index(x => x.WorkshopId).UniqueIndex(x => x.WorkshopId, x => x.IdentityId);
        // Votes were once stream snapshots with numeric versions; keeping numeric revisions keeps their table as it is.
        opts.Schema.For<Voting.Vote>().UseNumericRevisions(true).Duplicate(x => x.WorkshopId).Duplicate(x => x.ContributionId).Duplicate(x => x.Value)
            .Index(x => x.ParticipantId);
    }
}
