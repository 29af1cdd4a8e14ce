using System.Net;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Engage.IntegrationTests;

public class when_the_host_runs(EngageHost engage) : EngageTest(engage)
{
    [Fact]
    public async Task it_reports_live_and_ready_with_postgresql_answering()
    {
        Assert.Equal(HttpStatusCode.OK, (await Engage.Client().GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Engage.Client().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task each_module_keeps_its_tables_in_its_own_schema()
    {
        await using var connection = new NpgsqlConnection(EngageHost.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select table_schema, table_name from information_schema.tables", connection);
        var tables = new List<(string Schema, string Name)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetString(1)));

        Assert.Contains(("seminar", "mt_events"), tables);
        Assert.Contains(("seminar", "mt_doc_seminar"), tables);
        Assert.Contains(("workshop", "mt_events"), tables);
        Assert.Contains(("workshop", "mt_doc_workshop"), tables);
        Assert.Contains(("analysis", "mt_doc_corpusitem"), tables);
        Assert.Contains(("reporting", "mt_doc_report"), tables);
        Assert.Contains(("access", "mt_doc_staffaccount"), tables);
        Assert.Contains(tables, t => t.Schema == "wolverine" && t.Name == "wolverine_outgoing_envelopes");
        Assert.Contains(tables, t => t.Schema == "hangfire" && t.Name == "job");
        Assert.DoesNotContain(tables, t => t.Schema == "public" && t.Name.StartsWith("mt_"));
    }

    [Fact]
    public async Task the_openapi_document_describes_the_api()
    {
        var response = await Engage.Client().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/token", "/api/seminars", "/api/seminars/{id}/conclude", "/api/workshops", "/api/reports/{id}/publish", "/api/reports/{id}/report.pdf" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
    }

    [Fact]
    public void the_recurring_jobs_of_the_modules_are_scheduled_in_hangfire()
    {
        using var connection = Host.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        Assert.Contains(jobs, j => j.Id == "platform.purge-expired-sign-in-links" && j.Cron == "0 * * * *");
        Assert.Contains(jobs, j => j.Id == "seminar.send-due-reminders");
        Assert.Contains(jobs, j => j.Id == "workshop.open-and-close-due" && j.Cron == "* * * * *");
        Assert.Contains(jobs, j => j.Id == "reporting.regenerate-drafts" && j.Cron == "* * * * *");
    }

    /// <summary>The explicit allow-list of routes anyone may call; every other route needs a signed-in user.</summary>
    public static readonly string[] PublicRoutes =
    [
        "/", "/account/signin", "/account/signout", "/account/denied", "/account/link", "/account/link/{token}",
        "/error/{code:int}", "/health/live", "/health/ready", "/openapi/{documentName}.json", "/api/auth/token", "/api/{**path}",
        // A seminar invitee's personal link: the token in the route is the credential (Seminar issue).
        "/seminars/{id:guid}/attend/{token}", "/api/seminars/{id}/attend/{token}", "/api/seminars/{id}/attend/{token}/rsvp",
        "/api/seminars/{id}/attend/{token}/problems", "/api/seminars/{id}/attend/{token}/dots",
        // Joining a workshop, and exchanging the emailed link for a participant's bearer token (Workshop issue).
        "/api/workshops/{id}/participants", "/api/auth/participant-token", "/take-part", "/take-part/{id:guid}",
        // What came of it: the published report and what was done about it, for participants and the public (Reporting issue).
        "/take-part/{id:guid}/what-we-heard", "/api/reports/{id}/versions/{version}/{file}",
        // How every figure is counted, linked from the report and the dashboard (Trust issue).
        "/how-we-count",
        // The analysis workspace's own script and styles: static files, no data (Analyst workspace issue).
        "/analysis/assets/coding.js", "/analysis/assets/workspace.css"
    ];

    [Fact]
    public void every_route_needs_a_signed_in_user_unless_it_is_on_the_public_allow_list()
    {
        var endpoints = Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints were found");

        var open = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().ToList();
        // Endpoints with no authorization metadata still fall under the fallback policy (signed-in users),
        // but every public one must be deliberate: listed here and marked [AllowAnonymous].
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        Assert.Empty(anonymous.Except(PublicRoutes));

        var api = endpoints.Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/")).ToList();
        var apiWithoutRoles = api
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.Empty(apiWithoutRoles);
        Assert.NotEmpty(open);
    }

    [Fact]
    public async Task a_second_host_on_the_same_database_accepts_the_first_hosts_tokens()
    {
        var token = await Engage.TokenFor(Roles.Admin);
        await using var second = await EngageHost.Start(Engage.MailFolder);

        var client = second.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/seminars")).StatusCode);
    }
}
