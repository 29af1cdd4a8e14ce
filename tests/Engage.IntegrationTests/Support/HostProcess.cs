using System.Diagnostics;
using System.Net.Http.Headers;
using Engage.Platform.Web;

namespace Engage.IntegrationTests.Support;

/// <summary>
/// Engage as it runs in production: its own operating-system process on a port of its own, which a
/// test can kill with SIGKILL (no shutdown hooks, no flushing) and start again on the same database.
/// Its output goes to a log file that a failing test prints.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string log;

    public Uri Url { get; }

    private HostProcess(Process process, Uri url, string log) => (this.process, Url, this.log) = (process, url, log);

    /// <summary>Starts the host built beside the tests (same configuration) and waits until it is ready.</summary>
    public static async Task<HostProcess> Start(string connection, string mailFolder, int port, string log, params (string Name, string Value)[] settings)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        // tests/Engage.IntegrationTests/bin/<configuration>/<framework>/: the host of the same build.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var dll = Path.Combine(root, "src", "Host", "bin", framework.Parent!.Name, framework.Name, "Engage.Host.dll");
        Assert.True(File.Exists(dll), $"The host is not built at {dll}.");
        var url = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url.ToString().TrimEnd('/'), "--contentRoot", Path.Combine(root, "src", "Host")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.Combine(root, "src", "Host")
        };
        // Development: handler code is generated at start, as the in-process test hosts do (test.sh removes pre-generated code).
        foreach (var (name, value) in new (string, string)[]
                 {
                     ("ASPNETCORE_ENVIRONMENT", "Development"), ("ConnectionStrings__Engage", connection), ("ENGAGE_ADMIN_EMAIL", EngageHost.AdminEmail),
                     ("ENGAGE_ADMIN_PASSWORD", EngageHost.AdminPassword), ("ENGAGE_MAIL_DROP", mailFolder), ("Site__PublicUrl", url.ToString().TrimEnd('/')),
                     ("RateLimits__SignInPerMinute", "100000"), ("RateLimits__WritesPerMinutePerParticipant", "100000"),
                     ("RateLimits__WritesPerMinutePerAddress", "100000")
                 }.Concat(settings))
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        writer.WriteLine($"--- host started {DateTimeOffset.UtcNow:O} (pid {process.Id}) ---");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, url, log);
        await host.WaitUntilReady(TimeSpan.FromSeconds(60));
        return host;
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: the process gets no chance to finish requests, flush or say goodbye.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Polls /health/ready: another process can only be asked, not awaited.</summary>
    private async Task WaitUntilReady(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited) throw new Xunit.Sdk.XunitException($"The host exited with {process.ExitCode} while starting.\n{Tail()}");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"The host was not ready within {limit.TotalSeconds} s.\n{Tail()}");
    }

    /// <summary>The end of the host's log, for a failure message.</summary>
    public string Tail(int lines = 40)
    {
        try { return string.Join('\n', File.ReadLines(log).TakeLast(lines)); }
        catch (IOException) { return "(no log)"; }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
