using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.IntegrationTests.Security;

/// <summary>
/// One route of the running application, one method, with who may call it as its metadata says:
/// <see cref="Roles"/> is null when any signed-in user may (only the fallback policy applies).
/// </summary>
public sealed record Door(string Method, string Pattern, bool Public, IReadOnlyList<string>? Roles, bool Api, bool Page, bool RateLimited)
{
    public bool Admits(string role) => Public || Roles is null || Roles.Contains(role);

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>A URL for the route with syntactically valid values that name nothing that exists.</summary>
    public string SampleUrl()
    {
        var parts = RoutePatternFactory.Parse(Pattern).PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => ""
        })));
        return "/" + string.Join("/", parts);
    }

    private static string SampleValue(RoutePatternParameterPart parameter) =>
        parameter.IsCatchAll ? "anything"
        : parameter.ParameterPolicies.Any(p => p.Content == "int") || parameter.Name is "index" or "code" or "version" ? "1"
        : parameter.Name.Contains("token", StringComparison.OrdinalIgnoreCase) ? "not-a-real-token"
        : parameter.Name == "documentName" ? "v1"
        : Guid.NewGuid().ToString();
}

public static class RouteTable
{
    /// <summary>Every route the host answers, read from its endpoint data sources, one entry per HTTP method.</summary>
    public static async Task<IReadOnlyList<Door>> Read(IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var doors = new List<Door>();
        foreach (var endpoint in services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var isPublic = metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorize = metadata.GetOrderedMetadata<IAuthorizeData>();
            // What the authorization middleware would enforce: the endpoint's own policy, or the fallback.
            var policy = authorize.Any()
                ? await AuthorizationPolicy.CombineAsync(policies, authorize, metadata.GetOrderedMetadata<AuthorizationPolicy>())
                : await policies.GetFallbackPolicyAsync();
            var roleSets = policy?.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => r.AllowedRoles.ToHashSet()).ToList() ?? [];
            IReadOnlyList<string>? roles = roleSets.Count == 0 ? null
                : roleSets.Aggregate((a, b) => { a.IntersectWith(b); return a; }).Order().ToList();
            var methods = metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var page = metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;
            var limited = metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>() is not null;
            foreach (var method in methods)
                doors.Add(new Door(method, pattern, isPublic, roles, pattern.StartsWith("/api/"), page, limited));
        }
        return doors;
    }
}
