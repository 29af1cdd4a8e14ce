namespace Engage.ArchitectureTests;

public class the_modules
{
    [Theory]
    [MemberData(nameof(Design.EachModule), MemberType = typeof(Design))]
    public void use_no_other_modules_implementation_only_their_contracts(string name)
    {
        var module = Design.Named(name);
        var outcome = Rules.ModuleUsesNoOtherModulesImplementation([module.Implementation], "Engage", module);

        Assert.NotEmpty(outcome.Examined);
        Assert.Empty(outcome.Failing);
    }

    [Theory]
    [MemberData(nameof(Design.EachModule), MemberType = typeof(Design))]
    public void reference_no_other_modules_implementation_assembly(string name)
    {
        var module = Design.Named(name);
        var references = module.Implementation.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => Design.Modules.Any(m => m != module && m.Implementation.GetName().Name == r));
    }

    [Theory]
    [MemberData(nameof(Design.EachModule), MemberType = typeof(Design))]
    public void keep_contracts_that_depend_on_nothing_but_the_bcl(string name)
    {
        var outcome = Rules.ContractsDependOnlyOnTheBcl(Design.Named(name).Contracts);

        Assert.NotEmpty(outcome.Examined);
        Assert.Empty(outcome.Failing);
    }

    [Theory]
    [MemberData(nameof(Design.EachModule), MemberType = typeof(Design))]
    public void work_only_in_their_own_marten_store(string name)
    {
        var module = Design.Named(name);
        var outcome = Rules.HandlersUseTheirModulesStore(module.Implementation.GetTypes(), module.Store);

        Assert.NotEmpty(outcome.Examined);
        Assert.Empty(outcome.Failing);
    }

    [Fact]
    public void keep_the_platform_free_of_any_module()
    {
        var platformReferences = Design.Platform.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.NotEmpty(platformReferences);
        Assert.DoesNotContain(platformReferences, r => Design.Modules.Any(m => m.Implementation.GetName().Name == r || m.Contracts.GetName().Name == r));
    }
}

public class the_code
{
    [Fact]
    public void names_http_endpoints_endpoint_and_message_handlers_handler_and_makes_them_static()
    {
        var outcome = Rules.EndpointsAndHandlersFollowTheNamingConvention(Design.OurAssemblies());

        Assert.Contains(outcome.Examined, n => n.EndsWith("Endpoint"));
        Assert.Contains(outcome.Examined, n => n.EndsWith("Handler"));
        Assert.Empty(outcome.Failing);
    }

    [Fact]
    public void keeps_domain_logic_out_of_the_host()
    {
        var outcome = Rules.HostHoldsNoDomainLogic(Design.Host);

        Assert.Contains("Program", outcome.Examined);
        Assert.Empty(outcome.Failing);
    }
}

public class the_methods_library
{
    [Fact]
    public void depends_on_nothing_but_the_bcl_and_numeric_libraries()
    {
        var methods = typeof(Engage.Methods.Vectors.VectorMath).Assembly;
        var outcome = Rules.MethodsArePure([methods], "Engage.Methods");

        Assert.Contains("Engage.Methods.Clustering.KMeans", outcome.Examined);
        Assert.Empty(outcome.Failing);
        Assert.All(methods.GetReferencedAssemblies(), r => Assert.True(r.Name!.StartsWith("System") || r.Name is "netstandard" or "mscorlib", r.Name));
    }
}
