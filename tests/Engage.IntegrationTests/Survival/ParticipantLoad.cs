using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;

namespace Engage.IntegrationTests.Survival;

/// <summary>
/// Participants posting, and voting once on each other's acknowledged contributions, until stopped,
/// whatever happens to the host or the database meanwhile. It records what the API acknowledged (201 for
/// a contribution, 204 for a vote): only that must survive. Every answer is counted by status and by the
/// <see cref="Phase"/> it was asked in; a request left unanswered for 15 s counts as "no answer".
/// </summary>
public sealed class ParticipantLoad : IAsyncDisposable
{
    private static readonly string[] Values = ["agree", "disagree", "pass"];
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> writers;

    public ConcurrentDictionary<Guid, bool> Contributions { get; } = new();
    public ConcurrentBag<(Guid Contribution, string Value)> Votes { get; } = [];
    public ConcurrentDictionary<string, int> Answers { get; } = new();
    /// <summary>Contributions acknowledged per participant, by their place in the engagement's list.</summary>
    public int[] ByParticipant { get; }
    /// <summary>Written into each answer's key, e.g. "while down".</summary>
    public volatile string Phase = "";

    /// <param name="clientFor">The HTTP client participant n writes through (and so which host).</param>
    public ParticipantLoad(ProcessEngagement engagement, Func<int, string, HttpClient> clientFor)
    {
        ByParticipant = new int[engagement.ParticipantTokens.Count];
        writers = engagement.ParticipantTokens.Select((token, p) => Task.Run(() => Write(engagement, p, clientFor(p, token)))).ToList();
    }

    public int Writers => writers.Count;

    private async Task Write(ProcessEngagement engagement, int p, HttpClient client)
    {
        client.Timeout = TimeSpan.FromSeconds(15);
        var voted = new HashSet<Guid>();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var phase = Phase;
            try
            {
                var posted = await client.PostAsJsonAsync($"/api/workshops/{engagement.WorkshopId}/themes/{engagement.ThemeId}/contributions",
                    new { text = $"Participant {p} on supervision, point {n}: protected time matters" }, stop.Token);
                Count($"{(int)posted.StatusCode} {phase}");
                if (posted.StatusCode == HttpStatusCode.Created)
                {
                    Contributions[(await posted.Read<JsonElement>()).GetProperty("id").GetGuid()] = true;
                    Interlocked.Increment(ref ByParticipant[p]);
                }
                if (Contributions.Keys.FirstOrDefault(c => !voted.Contains(c)) is var target && target != Guid.Empty)
                {
                    var value = Values[n % 3];
                    var cast = await client.PutAsJsonAsync($"/api/contributions/{target}/vote", new { vote = value }, stop.Token);
                    Count($"{(int)cast.StatusCode} {phase}");
                    if (cast.StatusCode == HttpStatusCode.NoContent)
                    {
                        voted.Add(target);
                        Votes.Add((target, value));
                    }
                }
            }
            // Refused connections and requests cut by a kill are not acknowledged: nothing to check for them.
            catch (HttpRequestException) { Count($"no connection {phase}"); }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested) { Count($"no answer {phase}"); }
            catch (OperationCanceledException) { }
        }
        client.Dispose();
    }

    private void Count(string answer) => Answers.AddOrUpdate(answer, 1, (_, n) => n + 1);

    /// <summary>Waits (at most 2 minutes) until the load has reached what <paramref name="enough"/> asks for.</summary>
    public Task Until(Func<ParticipantLoad, bool> enough, string what) =>
        ProcessEngagement.EventuallyValue(() => Task.FromResult(enough(this) ? true : (bool?)null), what, seconds: 120);

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(writers);
    }

    /// <summary>
    /// Everything acknowledged is in what the Workshop holds, and at most the requests in flight at a
    /// failure (one per participant) were stored without an answer.
    /// </summary>
    public void AssertAcknowledgedWritesAreIn(EngagementData.Holdings workshop)
    {
        Assert.Subset(workshop.Items, Contributions.Keys.ToHashSet());
        foreach (var ((contribution, value), count) in Votes.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()))
            Assert.True(workshop.Votes.GetValueOrDefault((contribution, value)) >= count, $"An acknowledged '{value}' on {contribution} is missing.");
        Assert.InRange(workshop.Items.Count - Contributions.Count, 0, Writers);
        Assert.InRange(workshop.Votes.Values.Sum() - Votes.Count, 0, Writers);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested) await StopAsync();
        stop.Dispose();
    }
}
