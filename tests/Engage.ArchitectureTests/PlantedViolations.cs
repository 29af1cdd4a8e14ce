using System.Reflection;
using Wolverine.Http;

// Deliberate violations, planted in the test assembly (never in the product) so that each rule is
// shown to fail when the design is broken. A rule that cannot fail would prove nothing.
namespace Engage.Seminar.Planted
{
    public static class ReachesIntoTheWorkshop
    {
        public static string Title(Engage.Workshop.Workshops.Workshop workshop) => workshop.Title;
    }

    public static class SmuggledRoutes
    {
        [WolverineGet("/api/planted")]
        public static string Get() => "planted";
    }

    /// <summary>Writes through the Workshop's store from the Seminar's namespace.</summary>
    [Wolverine.Marten.MartenStore(typeof(Engage.Workshop.IWorkshopStore))]
    public static class WritesElsewhereHandler
    {
        public static Wolverine.Marten.IMartenOp Handle(string message) => Wolverine.Marten.MartenOps.Nothing();
    }

    public static class UntaggedHandler
    {
        public static void Handle(int message, Marten.IDocumentSession session) { }
    }
}

namespace Engage.Methods.Planted
{
    /// <summary>Maths that reaches for the database: the methods library must never do this.</summary>
    public static class QueriesTheDatabase
    {
        public static int Count(Marten.IQuerySession session) => session.Query<string>().Count();
    }
}

namespace Engage.ArchitectureTests
{
    public class each_rule_catches_a_planted_violation
    {
        private static readonly Assembly Planted = typeof(each_rule_catches_a_planted_violation).Assembly;

        [Fact]
        public void a_module_type_that_uses_another_modules_implementation()
        {
            var outcome = Rules.ModuleUsesNoOtherModulesImplementation([Planted], "Engage.Seminar.Planted", Design.Named("Seminar"));

            Assert.Equal(["Engage.Seminar.Planted.ReachesIntoTheWorkshop"], outcome.Failing);
        }

        [Fact]
        public void an_endpoint_class_not_named_endpoint_and_outside_its_modules_store()
        {
            var naming = Rules.EndpointsAndHandlersFollowTheNamingConvention([Planted]);
            Assert.Contains("Engage.Seminar.Planted.SmuggledRoutes", naming.Failing);

            var host = Rules.HostHoldsNoDomainLogic(Planted);
            Assert.Contains("Engage.Seminar.Planted.SmuggledRoutes", host.Failing);
        }

        [Fact]
        public void a_handler_that_writes_to_another_modules_store_or_names_no_store()
        {
            var outcome = Rules.HandlersUseTheirModulesStore(Planted.GetTypes(), typeof(Engage.Seminar.ISeminarStore));
            Assert.Equal(["Engage.Seminar.Planted.UntaggedHandler", "Engage.Seminar.Planted.WritesElsewhereHandler"], outcome.Failing.Order());
        }

        [Fact]
        public void a_contract_that_depends_on_a_framework()
        {
            // The architecture test assembly itself depends on xunit and Wolverine: as a "contracts"
            // assembly it must fail the BCL-only rule.
            var outcome = Rules.ContractsDependOnlyOnTheBcl(Planted);
            Assert.Contains("Engage.Seminar.Planted.SmuggledRoutes", outcome.Failing);
        }
    
        [Fact]
        public void a_methods_type_that_uses_the_database()
        {
            var outcome = Rules.MethodsArePure([Planted], "Engage.Methods.Planted");

            Assert.Equal(["Engage.Methods.Planted.QueriesTheDatabase"], outcome.Failing);
        }
    }
}
