using System.Reflection;
using NetArchTest.Rules;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.ArchitectureTests;

/// <summary>
/// The rules, written once so the tests can apply them both to the real code and to a planted
/// violation (proof that a rule can fail). Each returns the types it examined and those that broke it.
/// </summary>
public static class Rules
{
    public sealed record Outcome(IReadOnlyList<string> Examined, IReadOnlyList<string> Failing);

    /// <summary>Types in <paramref name="namespacePrefix"/> must not use any other module's implementation.</summary>
    public static Outcome ModuleUsesNoOtherModulesImplementation(IEnumerable<Assembly> assemblies, string namespacePrefix, Module module)
    {
        var forbidden = Design.Modules.Where(m => m != module).SelectMany(m => m.ImplementationTypeNames()).ToArray();
        var types = Types.InAssemblies(assemblies).That().ResideInNamespaceStartingWith(namespacePrefix);
        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return new(Names(types.GetTypes()), result.FailingTypeNames ?? []);
    }

    /// <summary>A contracts assembly depends on nothing but the BCL and itself.</summary>
    public static Outcome ContractsDependOnlyOnTheBcl(Assembly contracts)
    {
        var types = Types.InAssembly(contracts).That().ResideInNamespaceStartingWith("Engage");
        var own = contracts.GetName().Name!;
        var result = types.Should().OnlyHaveDependenciesOn("System", own).GetResult();
        return new(Names(types.GetTypes()), result.FailingTypeNames ?? []);
    }

    /// <summary>
    /// The methods library (vectors, nearest neighbours, clustering, term weighting) depends on nothing but
    /// the BCL and numeric libraries: no host, database, bus, web or model, so its maths is testable and
    /// reusable on its own.
    /// </summary>
    public static Outcome MethodsArePure(IEnumerable<Assembly> assemblies, string namespacePrefix)
    {
        var types = Types.InAssemblies(assemblies).That().ResideInNamespaceStartingWith(namespacePrefix);
        var result = types.Should().OnlyHaveDependenciesOn("System", "Microsoft.CodeAnalysis", "MathNet.Numerics", namespacePrefix).GetResult();
        return new(Names(types.GetTypes()), result.FailingTypeNames ?? []);
    }

    private static readonly Type[] HttpAttributes =
        [typeof(WolverineGetAttribute), typeof(WolverinePostAttribute), typeof(WolverinePutAttribute), typeof(WolverineDeleteAttribute)];

    public static bool IsEndpointClass(Type t) =>
        t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Any(m => m.GetCustomAttributes().Any(a => HttpAttributes.Contains(a.GetType())));

    public static bool IsHandlerClass(Type t) =>
        !IsEndpointClass(t) && t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(m => m.Name is "Handle" or "HandleAsync" or "Consume" or "ConsumeAsync");

    /// <summary>HTTP endpoints are static classes named *Endpoint; message handlers static classes named *Handler.</summary>
    public static Outcome EndpointsAndHandlersFollowTheNamingConvention(IEnumerable<Assembly> assemblies)
    {
        var candidates = assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsClass && (IsEndpointClass(t) || IsHandlerClass(t))).ToList();
        var failing = candidates.Where(t =>
            !(t.IsAbstract && t.IsSealed) // static
            || (IsEndpointClass(t) && !t.Name.EndsWith("Endpoint"))
            || (IsHandlerClass(t) && !t.Name.EndsWith("Handler")));
        return new(Names(candidates), Names(failing));
    }

    /// <summary>
    /// Every endpoint and handler of a module that uses Marten (a session, an aggregate or entity
    /// parameter, Marten side effects returned) works in that module's own store; one that only
    /// talks to the bus needs no store.
    /// </summary>
    public static Outcome HandlersUseTheirModulesStore(IEnumerable<Type> types, Type moduleStore)
    {
        var candidates = types.Where(t => t.IsClass && (IsEndpointClass(t) || IsHandlerClass(t)) && UsesMarten(t)).ToList();
        var failing = candidates.Where(t => t.GetCustomAttribute<MartenStoreAttribute>() is not { } store
                                            || !StoreOf(store).Equals(moduleStore));
        return new(Names(candidates), Names(failing));
    }

    private static readonly Type[] MartenParameterTypes = [typeof(Marten.IDocumentSession), typeof(Marten.IQuerySession)];

    public static bool UsesMarten(Type t) =>
        t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Any(m =>
            m.GetParameters().Any(p => MartenParameterTypes.Contains(p.ParameterType)
                                       || p.GetCustomAttributes().Any(a => a is WriteAggregateAttribute or ReadAggregateAttribute or Wolverine.Persistence.EntityAttribute))
            || Mentions(m.ReturnType, typeof(IMartenOp)) || Mentions(m.ReturnType, typeof(Events)) || Mentions(m.ReturnType, typeof(IStartStream)));

    private static bool Mentions(Type type, Type wanted) =>
        wanted.IsAssignableFrom(type) || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, wanted)));

    private static Type StoreOf(MartenStoreAttribute attribute) =>
        attribute.GetType().GetProperties().Where(p => p.PropertyType == typeof(Type)).Select(p => (Type)p.GetValue(attribute)!).Single();

    /// <summary>The host composes; it declares no endpoints, handlers, documents or pages of its own.</summary>
    public static Outcome HostHoldsNoDomainLogic(Assembly host)
    {
        var types = host.GetTypes().Where(t => t.Namespace?.StartsWith("Engage") == true || t.Namespace is null)
            .Where(t => !t.Name.StartsWith('<') && !t.IsNested && t.Name != "<Program>$").ToList();
        var failing = types.Where(t => IsEndpointClass(t) || IsHandlerClass(t) || t.Name.EndsWith("Model") || t.Name.EndsWith("Endpoint")
                                       || t.Name.EndsWith("Handler") || (t.Name is not ("Program" or "Hosting") && !t.Name.StartsWith("Internal")));
        return new(Names(types), Names(failing));
    }

    private static List<string> Names(IEnumerable<Type>? types) => (types ?? []).Select(t => t.FullName ?? t.Name).ToList();
}
