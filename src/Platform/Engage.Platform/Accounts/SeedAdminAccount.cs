using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engage.Platform.Accounts;

/// <summary>
/// When ENGAGE_ADMIN_EMAIL and ENGAGE_ADMIN_PASSWORD are set, start-up creates that Admin account or
/// resets its password, roles and lockout: the way back in for whoever runs the host.
/// </summary>
public sealed class SeedAdminAccount(IDocumentStore store, IConfiguration config, TimeProvider time,
    ILogger<SeedAdminAccount> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var email = config["ENGAGE_ADMIN_EMAIL"];
        var password = config["ENGAGE_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return;
        if (Passwords.Problem(password) is { } problem) throw new InvalidOperationException($"ENGAGE_ADMIN_PASSWORD: {problem}");

        await using var session = store.LightweightSession();
        var normalised = StaffAccount.Normalise(email);
        var account = await session.QueryByPlanAsync(new StaffAccountByEmail(normalised), ct)
                      ?? new StaffAccount { Id = Guid.NewGuid(), Email = normalised, DisplayName = "Administrator", CreatedAt = time.GetUtcNow() };
        if (!account.Roles.Contains(Roles.Admin)) account.Roles.Add(Roles.Admin);
        account.Disabled = false;
        account.RecordSuccess();
        if (!Passwords.Verify(account, password))
        {
            account.PasswordHash = Passwords.Hash(account, password);
            account.SecurityStamp = Guid.NewGuid();
        }
        session.Store(account);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Admin account {Email} is ready", normalised);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
