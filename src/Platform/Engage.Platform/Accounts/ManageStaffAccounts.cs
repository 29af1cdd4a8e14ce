using Mapster;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Engage.Platform.Accounts;

public record CreateStaffAccount(string? Email, string? DisplayName, string[]? Roles, string? Password);

public record UpdateStaffAccount(string? DisplayName, string[]? Roles, bool Disabled, string? NewPassword);

public record StaffAccountView(Guid Id, string Email, string DisplayName, string[] Roles, bool Disabled, bool Locked);

/// <summary>The rules for creating and changing staff accounts, shared by the admin page and the API.</summary>
public static class StaffAccountRules
{
    public static string? Problem(CreateStaffAccount c, bool emailTaken)
    {
        if (string.IsNullOrWhiteSpace(c.Email) || !c.Email.Contains('@') || c.Email.Length > 320)
            return "'email' must be an email address of at most 320 characters.";
        if (emailTaken) return $"An account for {StaffAccount.Normalise(c.Email)} already exists.";
        if (DisplayNameProblem(c.DisplayName) is { } name) return name;
        return RolesProblem(c.Roles) ?? Passwords.Problem(c.Password);
    }

    public static string? Problem(UpdateStaffAccount u) =>
        DisplayNameProblem(u.DisplayName) ?? RolesProblem(u.Roles) ?? (u.NewPassword is { Length: > 0 } ? Passwords.Problem(u.NewPassword) : null);

    private static string? DisplayNameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter the name colleagues will see"
        : name.Length > 200 ? "The name colleagues will see must be 200 characters or fewer" : null;

    private static string? RolesProblem(string[]? roles) =>
        roles is null || roles.Length == 0 ? "Choose at least one role."
        : roles.FirstOrDefault(r => !Roles.Staff.Contains(r)) is { } bad
            ? $"'{bad}' is not a staff role; the staff roles are {string.Join(", ", Roles.Staff)}." : null;

    public static StaffAccount Create(CreateStaffAccount c, DateTimeOffset now)
    {
        var account = new StaffAccount
        {
            Id = Guid.NewGuid(), Email = StaffAccount.Normalise(c.Email!), DisplayName = c.DisplayName!.Trim(),
            Roles = c.Roles!.Distinct().ToList(), CreatedAt = now
        };
        account.PasswordHash = Passwords.Hash(account, c.Password!);
        return account;
    }

    public static void Apply(StaffAccount account, UpdateStaffAccount u)
    {
        account.DisplayName = u.DisplayName!.Trim();
        account.Roles = u.Roles!.Distinct().ToList();
        account.Disabled = u.Disabled;
        if (u.NewPassword is { Length: > 0 })
        {
            account.PasswordHash = Passwords.Hash(account, u.NewPassword);
            account.RecordSuccess();
        }
        account.SecurityStamp = Guid.NewGuid();
    }

    public static StaffAccountView View(StaffAccount a, DateTimeOffset now, TypeAdapterConfig mapping) =>
        a.Adapt<StaffAccountView>(mapping) with { Locked = a.IsLockedAt(now) };
}

/// <summary>An account as admins see it: never the password hash or the security stamp.</summary>
public sealed class StaffAccountViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<StaffAccount, StaffAccountView>()
            .Map(d => d.Roles, s => s.Roles.ToArray())
            .Ignore(d => d.Locked); // depends on the time: set by the caller
}

[Authorize(Roles = Roles.AdminOnly)]
public static class ListStaffAccountsEndpoint
{
    [WolverineGet("/api/admin/accounts")]
    public static async Task<IReadOnlyList<StaffAccountView>> Get(IQuerySession session, DateTimeOffset now, TypeAdapterConfig mapping) =>
        (await session.Query<StaffAccount>().OrderBy(x => x.Email).ToListAsync())
        .Select(a => StaffAccountRules.View(a, now, mapping)).ToList();
}

[Authorize(Roles = Roles.AdminOnly)]
public static class CreateStaffAccountEndpoint
{
    // Returns the account holding the email, if any: an HTTP endpoint binds a bool parameter from the query string.
    public static Task<StaffAccount?> LoadAsync(CreateStaffAccount command, IQuerySession session) =>
        string.IsNullOrWhiteSpace(command.Email)
            ? Task.FromResult<StaffAccount?>(null)
            : session.QueryByPlanAsync(new StaffAccountByEmail(command.Email));

    public static ProblemDetails Validate(CreateStaffAccount command, StaffAccount? existing) =>
        StaffAccountRules.Problem(command, existing is not null) is { } problem
            ? existing is not null ? Problems.Conflict(problem) : Problems.BadRequest(problem)
            : WolverineContinue.NoProblems;

    [WolverinePost("/api/admin/accounts")]
    public static (CreatedAccount, IMartenOp) Post(CreateStaffAccount command, DateTimeOffset now)
    {
        var account = StaffAccountRules.Create(command, now);
        return (new CreatedAccount(account.Id), MartenOps.Insert(account));
    }
}

public record CreatedAccount(Guid Id) : CreationResponse($"/api/admin/accounts/{Id}");

[Authorize(Roles = Roles.AdminOnly)]
public static class UpdateStaffAccountEndpoint
{
    public static ProblemDetails Validate(UpdateStaffAccount command, [Entity(Required = true)] StaffAccount account) =>
        StaffAccountRules.Problem(command) is { } problem ? Problems.BadRequest(problem) : WolverineContinue.NoProblems;

    [WolverinePut("/api/admin/accounts/{id}")]
    public static (StaffAccountView, IMartenOp) Put(UpdateStaffAccount command, [Entity(Required = true)] StaffAccount account,
        DateTimeOffset now, TypeAdapterConfig mapping)
    {
        StaffAccountRules.Apply(account, command);
        return (StaffAccountRules.View(account, now, mapping), MartenOps.Store(account));
    }
}
