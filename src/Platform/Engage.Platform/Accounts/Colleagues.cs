using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Engage.Platform.Accounts;

/// <summary>A colleague as other staff see them: no email, no account state.</summary>
public record Colleague(Guid Id, string Name, IReadOnlyList<string> Roles);

/// <summary>Staff who hold a role, so work can be assigned to them (e.g. a double-coding sample to two analysts).</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.ProgrammeStaff + "," + Roles.Analyst)]
public static class ColleaguesEndpoint
{
    [WolverineGet("/api/staff")]
    public static async Task<IResult> Get(string? role, IQuerySession session)
    {
        if (role is not null && !Roles.Staff.Contains(role)) return Results.Problem(statusCode: 400, title: "The request is not valid", detail: $"'role' must be one of {string.Join(", ", Roles.Staff)}.");
        var accounts = await session.Query<StaffAccount>().Where(a => !a.Disabled).OrderBy(a => a.DisplayName).ToListAsync();
        return Results.Ok(accounts.Where(a => role is null || a.Roles.Contains(role)).Select(a => new Colleague(a.Id, a.DisplayName, a.Roles)).ToList());
    }

    [WolverineGet("/api/staff/me")]
    public static Colleague Me(ClaimsPrincipal user) =>
        new(Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), user.Identity?.Name ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList());
}
