using Engage.Analysis.Corpora;
using Engage.Embeddings;
using Engage.Platform;
using Engage.Platform.Web;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Analysis;

/// <summary>The analysis workspace's own Marten store: documents and events in schema <c>analysis</c>.</summary>
public interface IAnalysisStore : IDocumentStore;

public static class AnalysisModule
{
    public const string Schema = "analysis";

    public static WebApplicationBuilder AddAnalysisModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddMartenStore<IAnalysisStore>(sp =>
            {
                var opts = new StoreOptions();
                opts.Connection(sp.GetRequiredService<EngageDatabase>().DataSource);
                opts.DatabaseSchemaName = Schema;
                opts.DisableNpgsqlLogging = true;
                opts.ConfigureAnalysis();
                return opts;
            })
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddModuleServices(typeof(AnalysisModule).Assembly);
        builder.Services.AddEngageEmbeddings(builder.Configuration);
        builder.Services.AddSingleton<Findings.FindingsCache>();
        // A national launch sends thousands of votes a second; storing them one transaction each
        // would leave Analysis far behind. A batch waits at most 100 ms for company.
        builder.Services.ConfigureWolverine(opts => opts.BatchMessagesOf<Engage.Workshop.Contracts.VoteCast>(batch =>
        {
            batch.BatchSize = 500;
            batch.TriggerTime = TimeSpan.FromMilliseconds(100);
        }));
        builder.Services.AddSingleton(new NavigationItem("Analysis", "/analysis", 30, Roles.Admin, Roles.Analyst));
        builder.Services.AddSingleton<INextSteps, Publishing.AnalysisNextSteps>();
        return builder;
    }

    public static void ConfigureAnalysis(this StoreOptions opts)
    {
        // Every change to what findings read changes its corpus's version, so findings are computed once per version (ADR 0021).
        opts.Storage.ExtendedSchemaObjects.Add(Findings.CorpusVersions.Definition());
        opts.Listeners.Add(new Findings.CorpusVersions.Listener());
        opts.Schema.For<CorpusItem>().Index(x => x.WorkshopId);
        opts.Schema.For<CorpusVote>().Index(x => x.WorkshopId);
        opts.Schema.For<CorpusParticipant>().Index(x => x.WorkshopId);
        opts.Schema.For<CorpusClosure>();
        opts.Schema.For<CorpusWorkshop>();
        opts.Schema.For<Corpus>().Index(x => x.WorkshopId);
        opts.Schema.For<CorpusVote>().Index(x => x.ParticipantId);
        opts.Schema.For<Discovery.DiscoveryJob>().Index(x => x.CorpusId);
        opts.Schema.For<Embeddings.ItemEmbedding>().Duplicate(x => x.CorpusId);
        opts.Schema.For<Publishing.PublishedAnalysis>().Index(x => x.CorpusId);

        opts.Projections.Snapshot<Codebooks.Codebook>(SnapshotLifecycle.Inline);
        opts.Projections.Add<Coding.CodingProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Snapshot<Coding.BulkCoding>(SnapshotLifecycle.Inline);
        opts.Schema.For<Coding.AppliedCode>().Duplicate(x => x.CorpusId).Duplicate(x => x.ItemId);
        opts.Schema.For<Coding.ItemMark>().Duplicate(x => x.CorpusId);
        opts.Schema.For<Coding.Memo>().Index(x => x.CorpusId);
        opts.Schema.For<Coding.CodingSample>().Index(x => x.CorpusId);
        opts.Schema.For<Coding.SampleItemDone>().Index(x => x.SampleId);
        opts.Schema.For<Coding.BulkCoding>().Index(x => x.CorpusId);
        // The coding list reads one page's votes by item; without this each page scans every vote.
        opts.Schema.For<CorpusVote>().Index(x => x.ContributionId);
        opts.Schema.For<Findings.Quote>().Index(x => x.CorpusId).Index(x => x.ItemId);
        opts.Schema.For<Findings.Recommendation>().Index(x => x.CorpusId);
        opts.Schema.For<Findings.AnalysisSettings>();
        opts.Schema.For<Suggestions.CodeSuggestionDoc>().Duplicate(x => x.CorpusId).Index(x => x.ItemId);
    }
}
