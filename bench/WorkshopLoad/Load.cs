using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Engage.WorkshopLoad;

/// <summary>One request of a phase: the method, path, body and whose bearer token sends it.</summary>
public sealed record Call(HttpMethod Method, string Path, byte[]? JsonBody, string? Token);

/// <summary>What a phase measured: latencies of every response, counted by status code.</summary>
public sealed class PhaseResult(string name, double targetRate)
{
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentDictionary<string, int> outcomes = new();

    public string Name { get; } = name;
    public double TargetRate { get; } = targetRate;
    public int Sent;
    public int Unfinished;
    public double Seconds { get; set; }

    public void Record(string outcome, double milliseconds, bool success)
    {
        outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        if (success) latencies.Add(milliseconds);
    }

    public int Succeeded => latencies.Count;
    public double AchievedRate => Seconds > 0 ? Succeeded / Seconds : 0;
    public IReadOnlyDictionary<string, int> Outcomes => outcomes;

    /// <summary>Latency percentile of successful responses, nearest rank.</summary>
    public double Percentile(double p)
    {
        var sorted = latencies.ToArray();
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Errors => string.Join(" ", outcomes.Where(o => o.Key is not ("200" or "201" or "202" or "204" or "unsent" or "abandoned")).OrderBy(o => o.Key).Select(o => $"{o.Key}:{o.Value}"));
}

/// <summary>
/// Sends requests through one shared connection pool. Open loop: requests are scheduled at the target rate
/// whatever the server does, and latency counts from the scheduled time, so time spent queueing in the
/// client (waiting for a connection or an in-flight slot) is charged to the server that caused it rather
/// than hidden (coordinated omission).
/// </summary>
public sealed class Load(Uri baseUrl, int maxInFlight)
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxInFlight,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(10)
    })
    { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    private readonly SemaphoreSlim inFlight = new(maxInFlight);

    public HttpClient Http => http;

    public async Task<PhaseResult> OpenLoop(string name, double rate, TimeSpan duration, Func<int, Call> next, TimeSpan drain)
    {
        var result = new PhaseResult(name, rate);
        var total = (int)(rate * duration.TotalSeconds);
        var pending = new List<Task>(total);
        using var abandon = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var scheduled = i / rate;
            var wait = scheduled - clock.Elapsed.TotalSeconds;
            // Sleep only when more than a couple of milliseconds ahead; otherwise send the backlog at once.
            if (wait > 0.002) await Task.Delay(TimeSpan.FromSeconds(wait));
            var call = next(i);
            Interlocked.Increment(ref result.Sent);
            pending.Add(Send(call, result, clock, scheduled, abandon.Token));
        }
        // What is not answered within the drain time is abandoned (counted as unfinished), so it cannot
        // hold connections into the next phase.
        var all = Task.WhenAll(pending);
        if (await Task.WhenAny(all, Task.Delay(drain)) != all)
        {
            result.Seconds = clock.Elapsed.TotalSeconds;
            result.Unfinished = pending.Count(t => !t.IsCompleted);
            await abandon.CancelAsync();
            await all;
        }
        else result.Seconds = clock.Elapsed.TotalSeconds;
        return result;
    }

    /// <summary>Closed loop: each reader sends its next request when the previous one is answered.</summary>
    public async Task<IReadOnlyList<PhaseResult>> ClosedLoop(IReadOnlyList<(string Name, Func<Call> Next)> endpoints, int readers, TimeSpan duration)
    {
        var results = endpoints.Select(e => new PhaseResult(e.Name, double.NaN)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, readers).Select(async reader =>
        {
            for (var n = reader; clock.Elapsed < duration; n++)
            {
                var which = n % endpoints.Count;
                Interlocked.Increment(ref results[which].Sent);
                await Send(endpoints[which].Next(), results[which], clock, clock.Elapsed.TotalSeconds, CancellationToken.None);
            }
        }));
        foreach (var result in results) result.Seconds = clock.Elapsed.TotalSeconds;
        return results;
    }

    private async Task Send(Call call, PhaseResult result, Stopwatch clock, double scheduled, CancellationToken abandon)
    {
        try { await inFlight.WaitAsync(abandon); }
        catch (OperationCanceledException) { result.Record("unsent", 0, false); return; }
        try
        {
            using var request = new HttpRequestMessage(call.Method, call.Path);
            if (call.Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.Token);
            if (call.JsonBody is { } body)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, abandon);
            var code = (int)response.StatusCode;
            result.Record(code.ToString(), (clock.Elapsed.TotalSeconds - scheduled) * 1000, code is >= 200 and < 300);
        }
        catch (TaskCanceledException) { result.Record(abandon.IsCancellationRequested ? "abandoned" : "timeout", 0, false); }
        catch (HttpRequestException e) { result.Record(e.HttpRequestError.ToString(), 0, false); }
        finally { inFlight.Release(); }
    }
}
