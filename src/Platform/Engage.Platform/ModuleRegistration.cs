using System.Reflection;
using Mapster;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Engage.Platform;

/// <summary>What every module does to join the host, so a module's Add method stays a short list.</summary>
public static class ModuleRegistration
{
    /// <summary>
    /// Scans <paramref name="assembly"/> (Scrutor) for its Mapster mapping configurations and for
    /// services that implement an interface of their own name (<c>ThemeFinder : IThemeFinder</c>),
    /// and lets Wolverine discover its handlers and endpoints.
    /// </summary>
    public static IServiceCollection AddModuleServices(this IServiceCollection services, Assembly assembly)
    {
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo<IRegister>(), publicOnly: false).As<IRegister>().WithSingletonLifetime()
            .AddClasses(c => c.Where(t => t.GetInterfaces().Any(i => i.Name == "I" + t.Name)), publicOnly: false)
            .AsMatchingInterface().WithScopedLifetime());
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(assembly));
        return services;
    }

    /// <summary>
    /// One Mapster configuration built from every module's <see cref="IRegister"/>, compiled at start-up
    /// with every destination member required, so a mapping that misses a field fails the start, not a request.
    /// </summary>
    public static IServiceCollection AddMappings(this IServiceCollection services) =>
        services.AddSingleton(sp =>
        {
            var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
            foreach (var register in sp.GetServices<IRegister>()) register.Register(config);
            config.Compile();
            return config;
        });
}
