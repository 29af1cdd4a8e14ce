using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Engage.Analysis;
using Engage.Platform.Accounts;
using Engage.Platform.SignInLinks;
using Engage.Reporting;
using Engage.Seminar;
using Engage.Workshop;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Persistence.Durability;

namespace Engage.IntegrationTests.Support;

/// <summary>
/// One real Engage host per test collection, on the real PostgreSQL that test.sh starts
/// (database engage_test), with its mail written to a folder of its own.
/// </summary>
public sealed class EngageHost : IAsyncLifetime
{
    public const string AdminEmail = "admin@engage.test";
    public const string AdminPassword = "admin-password-for-tests";

    public IAlbaHost Host { get; private set; } = null!;
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "engage-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Read once: tests that point a host elsewhere change the variable for a moment.</summary>
    public static readonly string ConnectionString =
        Environment.GetEnvironmentVariable("ConnectionStrings__Engage")
        ?? "Host=127.0.0.1;Port=55432;Username=engage;Database=engage_test";

    public async Task InitializeAsync()
    {
        Host = await Start(MailFolder);
    }

    /// <summary>
    /// Starts a host (on the shared test database unless told otherwise). Program reads its settings
    /// from environment variables while building, so they are set for the start and restored after,
    /// leaving no trace for the next host.
    /// </summary>
    public static async Task<IAlbaHost> Start(string mailFolder, string? connectionString = null, params (string Name, string Value)[] settings)
    {
        (string, string)[] all =
        [
            ("ConnectionStrings__Engage", connectionString ?? ConnectionString), ("ENGAGE_ADMIN_EMAIL", AdminEmail),
            ("ENGAGE_ADMIN_PASSWORD", AdminPassword), ("ENGAGE_MAIL_DROP", mailFolder),
            // Every test request comes from one address; the limit itself has its own test.
            ("RateLimits__SignInPerMinute", "100000"), ("RateLimits__WritesPerMinutePerParticipant", "100000"),
            ("RateLimits__WritesPerMinutePerAddress", "100000"), .. settings
        ];
        var previous = all.Select(s => (s.Item1, Environment.GetEnvironmentVariable(s.Item1))).ToList();
        foreach (var (name, value) in all) Environment.SetEnvironmentVariable(name, value);
        try { return await AlbaHost.For<Program>(b => b.UseSetting("environment", "Development")); }
        finally { foreach (var (name, value) in previous) Environment.SetEnvironmentVariable(name, value); }
    }

    /// <summary>Every test starts from empty module data and an empty outbox, with the admin account back.</summary>
    public async Task ResetAsync()
    {
        var services = Host.Services;
        await services.GetRequiredService<IMessageStore>().Admin.ClearAllAsync();
        // The main store keeps its data-protection key ring: hosts of this run cache it, as real hosts do.
        var main = services.GetRequiredService<IDocumentStore>();
        foreach (var type in new[] { typeof(StaffAccount), typeof(ParticipantAccount), typeof(SignInLink) })
            await main.Advanced.Clean.DeleteDocumentsByTypeAsync(type);
        foreach (var store in new IDocumentStore[]
                 {
                     services.GetRequiredService<ISeminarStore>(),
                     services.GetRequiredService<IWorkshopStore>(), services.GetRequiredService<IAnalysisStore>(),
                     services.GetRequiredService<IReportingStore>()
                 })
            await store.Advanced.ResetAllData();
        await services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SeedAdminAccount>().Single().StartAsync(default);
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, true);
    }

    /// <summary>A staff account with the given roles, and a bearer token for it.</summary>
    public async Task<string> TokenFor(params string[] roles)
    {
        var email = $"{string.Join("-", roles).ToLowerInvariant()}-{Guid.NewGuid():N}@engage.test";
        const string password = "a-long-test-password";
        if (roles is not [Platform.Roles.Admin])
        {
            var admin = await TokenFor(Platform.Roles.Admin);
            await Host.Scenario(s =>
            {
                s.WithRequestHeader("Authorization", $"Bearer {admin}");
                s.Post.Json(new CreateStaffAccount(email, "Test " + string.Join(" ", roles), roles, password)).ToUrl("/api/admin/accounts");
                s.StatusCodeShouldBe(201);
            });
        }
        else
        {
            email = AdminEmail;
            return await Token(AdminEmail, AdminPassword);
        }
        return await Token(email, password);
    }

    public async Task<string> Token(string email, string password)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new IssueToken(email, password)).ToUrl("/api/auth/token");
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<AccessTokenIssued>())!.AccessToken;
    }

    public HttpClient Client(string? token = null)
    {
        var client = Host.Server.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, true);
    }
}

[CollectionDefinition(Name)]
public sealed class EngageCollection : ICollectionFixture<EngageHost>
{
    public const string Name = "Engage host";
}

/// <summary>Base class: resets the data at the start of every test (xunit makes a new instance per test).</summary>
[Collection(EngageCollection.Name)]
public abstract class EngageTest(EngageHost engage) : IAsyncLifetime
{
    protected EngageHost Engage { get; } = engage;
    protected IAlbaHost Host => Engage.Host;

    public Task InitializeAsync() => Engage.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
}

public static class JsonContent
{
    public static async Task<T> Read<T>(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Options))!;
    }

    /// <summary>The detail of a ProblemDetails answer.</summary>
    public static async Task<string> Problem(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString() ?? "";

    public static readonly System.Text.Json.JsonSerializerOptions Options =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
