using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Accounts;
using Engage.Workshop.Contracts;
using Mapster;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.UnitTests;

public class the_mappings
{
    private static TypeAdapterConfig Config()
    {
        var services = new ServiceCollection();
        foreach (var assembly in new[] { typeof(PlatformModule).Assembly, typeof(Seminar.SeminarModule).Assembly,
                     typeof(Workshop.WorkshopModule).Assembly, typeof(Analysis.AnalysisModule).Assembly, typeof(Reporting.ReportingModule).Assembly })
            services.AddModuleServices(assembly);
        services.AddMappings();
        return services.BuildServiceProvider().GetRequiredService<TypeAdapterConfig>();
    }

    [Fact]
    public void are_found_in_the_modules_that_keep_them_and_compile_with_every_destination_member_accounted_for()
    {
        var config = Config();
        // Platform, Seminar, Workshop and Analysis keep mappings; Reporting builds its views by hand.
        Assert.True(config.RuleMap.Count >= 4, $"only {config.RuleMap.Count} mappings were found");
    }

    [Fact]
    public void copy_a_published_contribution_into_the_analysis_corpus_under_its_own_id()
    {
        var published = new ContributionPublished(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, "Text", "Participant 1234", DateTimeOffset.UnixEpoch);
        var item = published.Adapt<CorpusItem>(Config());

        Assert.Equal(published.ContributionId, item.Id);
        Assert.Equal("Participant 1234", item.Pseudonym);
    }

    [Fact]
    public void never_show_a_password_hash_to_an_admin()
    {
        var account = new StaffAccount { Email = "a@b.c", PasswordHash = "secret-hash", Roles = [Roles.Analyst] };
        var view = StaffAccountRules.View(account, DateTimeOffset.UnixEpoch, Config());

        Assert.Equal(["Analyst"], view.Roles);
        Assert.DoesNotContain("secret-hash", view.ToString());
    }
}
