using System.Diagnostics;

namespace Engage.IntegrationTests.Support;

/// <summary>
/// A PostgreSQL cluster of one test's own (scripts/postgres.sh with its own data folder and port), so
/// the test can stop and start it, or kill hosts on it, without touching any other test.
/// </summary>
public sealed class ThrowawayCluster(string database)
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "engage-" + database + "-" + Guid.NewGuid().ToString("N"), "pg");

    public string Port { get; } = FreePortOutsideEphemeralRange().ToString();

    /// <summary>A folder beside the cluster's for the test's other files (mail, logs); removed with it.</summary>
    public string Folder(string name) => Path.Combine(Path.GetDirectoryName(data)!, name);

    /// <summary>Starts the cluster (creating it on first use) and returns its connection string.</summary>
    public string Start() => Run("start");

    public void Stop() => Run("stop");

    /// <summary>Stops the cluster and deletes everything it and the test wrote.</summary>
    public void Remove()
    {
        try { Stop(); }
        finally { Directory.Delete(Path.GetDirectoryName(data)!, true); }
    }

    private string Run(string action)
    {
        var script = Path.Combine(Platform.Web.RepositoryRoot.Find(AppContext.BaseDirectory), "scripts", "postgres.sh");
        var start = new ProcessStartInfo("bash", [script, action, database]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ENGAGE_PG_DATA"] = data;
        start.Environment["ENGAGE_PG_PORT"] = Port;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var log = Path.Combine(data, "server.log");
        Assert.True(process.ExitCode == 0, $"postgres.sh {action} failed: {errors}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        return output.Trim();
    }

    /// <summary>
    /// A port below Linux's ephemeral range (32768 and up), so no outgoing connection can take it while
    /// the cluster is stopped, and free when chosen.
    /// </summary>
    public static int FreePortOutsideEphemeralRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20000, 30000);
            try
            {
                var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, candidate);
                listener.Start();
                listener.Stop();
                return candidate;
            }
            catch (System.Net.Sockets.SocketException) { }
        }
        throw new InvalidOperationException("No free port found between 20000 and 30000.");
    }
}
