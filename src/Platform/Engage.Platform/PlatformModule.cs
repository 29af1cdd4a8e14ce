using System.Threading.RateLimiting;
using Engage.Platform.Accounts;
using Engage.Platform.DataProtection;
using Engage.Platform.Jobs;
using Engage.Platform.Mail;
using Engage.Platform.SignInLinks;
using Engage.Platform.Web;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Platform;

/// <summary>
/// The shared kernel: the main Marten store (schema <c>access</c>: accounts, sign-in links, key ring),
/// sign-in for staff (cookie and bearer) and participants (emailed link), mail, jobs, and the web shell.
/// </summary>
public static class PlatformModule
{
    public const string SignInRateLimit = "sign-in";
    public const string WriteRateLimit = "writes";

    public static WebApplicationBuilder AddEngagePlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = EngageDatabase.From(builder.Configuration);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);

        services.AddMarten(opts =>
            {
                opts.Connection(database.DataSource);
                opts.DatabaseSchemaName = "access";
                opts.DisableNpgsqlLogging = true;
                opts.Schema.For<StaffAccount>().UniqueIndex(x => x.Email);
                opts.Schema.For<ParticipantAccount>().UniqueIndex(x => x.Email);
                opts.Schema.For<SignInLink>().Index(x => x.ExpiresAt).UseOptimisticConcurrency(true);
                opts.Schema.For<DataProtectionKey>();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(m => m.UseWolverineManagedEventSubscriptionDistribution = true);

        services.AddModuleServices(typeof(PlatformModule).Assembly);
        services.AddMappings();

        AddSignIn(services);
        AddMail(services, builder.Configuration, builder.Environment.ContentRootPath);

        services.AddDataProtection().SetApplicationName("Engage");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new MartenXmlRepository(sp.GetRequiredService<IDocumentStore>())));

        services.Configure<SiteOptions>(builder.Configuration.GetSection("Site"));
        // The administrator's own doors, beside those each module offers.
        services.AddSingleton(new NavigationItem("Accounts", "/admin/accounts", 60, Roles.Admin));
        services.AddSingleton(new NavigationItem("Mail", "/admin/mail", 62, Roles.Admin));
        services.AddSingleton(new NavigationItem("Jobs", "/admin/jobs", 64, Roles.Admin));
        services.AddHostedService<SeedAdminAccount>();
        services.AddEngageJobs(database);
        services.AddTransient<MessageJob>();
        services.AddHostedService<RecurringMessageScheduler>();
        services.AddRecurringMessage("platform.purge-expired-sign-in-links", "0 * * * *", new PurgeExpiredSignInLinks());

        // Before the default writer, which would otherwise answer a person's download link with JSON.
        services.AddSingleton<IProblemDetailsWriter, DownloadProblemWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<ConcurrentChangeHandler>();
        services.AddRequestLimits(builder.Configuration);
        services.AddControlCharacterChecks();
        // The antiforgery cookie's default is never Secure, even over HTTPS; like the sign-in cookie it
        // follows the request, so it is Secure wherever Engage is served over HTTPS.
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("postgresql", tags: ["ready"]);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Policies.AdminOnly);
        });
        // Sign-in attempts per client address per minute (RateLimits:SignInPerMinute): lockout protects
        // each account, this protects against trying many accounts from one place.
        var signInPerMinute = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "Too many attempts from this address. Try again after the time in Retry-After." }
                });
            };
            o.AddPolicy(SignInRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(WriteRateLimit, new WriteRateLimitPolicy(
                builder.Configuration.GetValue("RateLimits:WritesPerMinutePerParticipant", 60),
                builder.Configuration.GetValue("RateLimits:WritesPerMinutePerAddress", 3000)));
        });
        return builder;
    }

    private static void AddSignIn(IServiceCollection services)
    {
        services.AddSingleton<AccessTokens>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Engage";
                o.DefaultChallengeScheme = "Engage";
            })
            // The API takes bearer tokens and pages take cookies: a page's cookie can never authorise an API
            // write, so the API needs no antiforgery token. The one exception is reading a file marked
            // [Download], which people reach through page links (Downloads.SchemeFor).
            .AddPolicyScheme("Engage", "Cookie for pages, bearer for the API", o =>
                o.ForwardDefaultSelector = Downloads.SchemeFor)
            .AddCookie(o =>
            {
                o.Cookie.Name = "engage";
                o.Cookie.HttpOnly = true;
                // Lax, not Strict: a participant following the emailed link from their mail app must arrive signed in.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/signin";
                o.LogoutPath = "/account/signout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = CookieStampCheck.ValidateAsync;
            })
            .AddBearerToken(AccessTokens.Scheme, o => o.BearerTokenExpiration = AccessTokens.Lifetime);

        services.AddAuthorizationBuilder()
            // Anything not marked otherwise needs a signed-in user; public routes opt out explicitly.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AdminOnly, p => p.RequireRole(Roles.Admin));
    }

    private static void AddMail(IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        if (string.IsNullOrEmpty(options.DropFolder))
            options.DropFolder = config["ENGAGE_MAIL_DROP"] is { Length: > 0 } drop ? drop : Path.Combine(RepositoryRoot.Find(contentRoot), ".data", "mail");
        services.AddSingleton(options);
        services.AddSingleton<MailDrop>();
        if (string.IsNullOrEmpty(options.SmtpHost)) services.AddSingleton<IMailTransport, DropFolderMailTransport>();
        else services.AddSingleton<IMailTransport, SmtpMailTransport>();
    }

    /// <summary>Middleware every module relies on, in order: headers, errors, static files, size limits, sign-in.</summary>
    public static WebApplication UseEngagePlatform(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // People (pages, and download links a browser followed) get a page for a bare status code. Outermost,
        // so it re-executes through routing; it acts only when nothing was written.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseFrontEndPackages();
        app.UseRouting();
        // API callers get ProblemDetails instead; after routing, so a download link can be told from an API call by its endpoint.
        app.UseWhen(c => !Downloads.AnswersWithPage(c), a => a.UseStatusCodePages());
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseStaffTokenCheck();
        // After authentication, so a participant's writes are counted as theirs, not their address's.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseControlCharacterChecks();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapEngagePlatform(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapEngageJobs();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapFallback("/api/{**path}", (HttpContext ctx) => Results.Problem(statusCode: 404, title: "Not found",
            detail: $"There is no API route {ctx.Request.Method} {ctx.Request.Path}.")).AllowAnonymous();
        return app;
    }
}

public static class Policies
{
    public const string AdminOnly = "AdminOnly";
}

/// <summary>One connection pool for every Marten store of the host.</summary>
public sealed class EngageDatabase(NpgsqlDataSource dataSource, string connectionString)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;
    public string ConnectionString { get; } = connectionString;

    public static EngageDatabase From(IConfiguration config)
    {
        var connection = config.GetConnectionString("Engage")
                         ?? throw new InvalidOperationException(
                             "ConnectionStrings:Engage is not set. Use ./run.sh, which starts a private PostgreSQL, or set ConnectionStrings__Engage.");
        return new EngageDatabase(NpgsqlDataSource.Create(connection), connection);
    }
}
