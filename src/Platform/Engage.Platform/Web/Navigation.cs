using System.Security.Claims;

namespace Engage.Platform.Web;

/// <summary>A link in the header, offered by a module to the roles that may use it.</summary>
public sealed record NavigationItem(string Text, string Href, int Order, params string[] Roles)
{
    public bool VisibleTo(ClaimsPrincipal user) =>
        Roles.Length == 0 ? user.Identity?.IsAuthenticated == true : Roles.Any(user.IsInRole);
}
