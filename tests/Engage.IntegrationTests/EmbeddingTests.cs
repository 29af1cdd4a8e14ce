using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Engage.Analysis;
using Engage.Analysis.Embeddings;
using Engage.Embeddings;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Workshop.Contracts;
using Engage.Workshop.Contributions;
using DiscoveryJob = Engage.Analysis.Discovery.DiscoveryJob;
using Tokens = Engage.Analysis.Discovery.ShortTextTokenizer;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>Contributions are embedded once as they arrive, and theme discovery can group them by meaning.</summary>
public class when_contributions_are_understood_by_meaning(EngageHost engage) : EngageTest(engage)
{
    private async Task<List<ItemEmbedding>> StoredFor(Guid corpusId)
    {
        await using var session = Host.Services.GetRequiredService<IAnalysisStore>().QuerySession();
        return (await session.Query<ItemEmbedding>().Where(e => e.CorpusId == corpusId).ToListAsync()).ToList();
    }

    [Fact]
    public async Task a_published_contribution_is_embedded_once_even_when_delivered_again_or_to_a_restarted_host()
    {
        var embeddings = Host.Services.GetRequiredService<TextEmbeddings>();
        var workshopId = Guid.CreateVersion7();
        var published = new ContributionPublished(Guid.CreateVersion7(), workshopId, Guid.CreateVersion7(), null,
            "There is no protected study time in my job plan", "Blue Heron", DateTimeOffset.UtcNow);
        var before = embeddings.TextsEmbedded;

        await Host.SendMessageAndWaitAsync(published);

        var stored = Assert.Single(await StoredFor(workshopId));
        Assert.Equal(published.ContributionId, stored.Id);
        Assert.Equal("MiniLM", stored.Model);
        Assert.Equal(384, stored.Values().Length);
        Assert.Equal(1, stored.Values().Sum(v => v * v), 3);
        // Once for the Analysis corpus, once for the Workshop's own copy (modules share no data).
        Assert.Equal(before + 2, embeddings.TextsEmbedded);

        // Delivered again (an at-least-once queue may do so after a crash before the acknowledgement).
        await Host.SendMessageAndWaitAsync(published);
        Assert.Equal(before + 2, embeddings.TextsEmbedded);

        // A freshly started host (the message handling restarted) that receives it again embeds nothing.
        var restarted = await EngageHost.Start(Engage.MailFolder);
        try
        {
            await restarted.SendMessageAndWaitAsync(published);
            Assert.Equal(0, restarted.Services.GetRequiredService<TextEmbeddings>().TextsEmbedded);
        }
        finally { await restarted.DisposeAsync(); }
        Assert.Single(await StoredFor(workshopId));

        // A new text for the same contribution is embedded again, replacing the old vector.
        await Host.SendMessageAndWaitAsync(published with { Text = "My trust will not release me for training" });
        Assert.Equal(before + 4, embeddings.TextsEmbedded);
        Assert.NotEqual(stored.TextHash, Assert.Single(await StoredFor(workshopId)).TextHash);
    }

    // Two topics. The first two training texts are the paraphrase pair: not one word in common.
    private static readonly string[] Training =
    [
        "no protected study time",
        "my trust will not release me for training",
        "I am not allowed time off for my education",
        "My employer refuses to let me attend courses",
        "I cannot get study leave approved",
    ];

    private static readonly string[] Parking =
    [
        "nowhere to park at the hospital",
        "the car park is full before my shift",
        "staff parking permits cost too much",
        "I drive round the car park for half an hour looking for a space",
        "parking fines for staff on night shifts",
    ];

    private async Task<(Guid Corpus, Dictionary<Guid, string> Topic)> UploadTopics(HttpClient analyst)
    {
        var csv = new StringBuilder("id,text\n");
        var n = 0;
        foreach (var text in Training.Concat(Parking)) csv.Append($"r{n++},\"{text}\"\n");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "c.csv" },
            { new StringContent("Staff survey"), "name" }
        };
        var id = (await (await analyst.PostAsync("/api/analysis/corpora", form)).Read<JsonElement>()).GetProperty("id").GetGuid();
        var corpus = await (await analyst.GetAsync($"/api/analysis/corpora/{id}")).Read<JsonElement>();
        var topic = corpus.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid(),
            i => Training.Contains(i.GetProperty("text").GetString()) ? "training" : "parking");
        return (id, topic);
    }

    private async Task<JsonElement> Discover(HttpClient analyst, Guid corpus, string method)
    {
        JsonElement accepted = default;
        await Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/theme-discovery", new { themes = 2, seed = 1, method });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            accepted = await response.Read<JsonElement>();
        });
        var job = await (await analyst.GetAsync($"/api/analysis/corpora/{corpus}/theme-discovery/{accepted.GetProperty("jobId").GetGuid()}")).Read<JsonElement>();
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(method, job.GetProperty("method").GetString());
        return job;
    }

    private static List<HashSet<string>> TopicsPerTheme(JsonElement job, Dictionary<Guid, string> topic) =>
        job.GetProperty("themes").EnumerateArray()
            .Select(t => t.GetProperty("itemIds").EnumerateArray().Select(i => topic[i.GetGuid()]).ToHashSet()).ToList();

    [Fact]
    public async Task discovery_by_meaning_groups_paraphrases_that_the_lexical_method_keeps_apart()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var (corpus, topic) = await UploadTopics(analyst);
        var embeddings = Host.Services.GetRequiredService<TextEmbeddings>();

        var meaning = await Discover(analyst, corpus, "meaning");
        Assert.Equal("MiniLM", meaning.GetProperty("model").GetString());
        var byMeaning = TopicsPerTheme(meaning, topic);
        Assert.Equal(2, byMeaning.Count);
        Assert.All(byMeaning, t => Assert.Single(t));
        Assert.Contains(meaning.GetProperty("themes").EnumerateArray(), t => t.GetProperty("terms").EnumerateArray().Any(w => w.GetString() is "park" or "parking"));

        // To any word-based method the pair share nothing (their TF-IDF cosine is 0); the lexical option still runs.
        Assert.Empty(Tokens.Tokenize(Training[0]).Intersect(Tokens.Tokenize(Training[1])));
        Assert.Equal(2, TopicsPerTheme(await Discover(analyst, corpus, "words"), topic).Count);

        // The uploaded items were embedded by the first run and kept: a second run embeds nothing.
        Assert.Equal(10, (await StoredFor(corpus)).Count);
        var embedded = embeddings.TextsEmbedded;
        await Discover(analyst, corpus, "meaning");
        Assert.Equal(embedded, embeddings.TextsEmbedded);
    }

    [Fact]
    public async Task an_unknown_discovery_method_is_refused_naming_the_choices_and_no_job_is_queued()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var (corpus, _) = await UploadTopics(analyst);

        var response = await analyst.PostAsJsonAsync($"/api/analysis/corpora/{corpus}/theme-discovery", new { themes = 2, method = "vibes" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'method' must be \"meaning\" or \"words\"", await response.Problem());
        await using var session = Host.Services.GetRequiredService<IAnalysisStore>().QuerySession();
        Assert.Equal(0, await session.Query<DiscoveryJob>().CountAsync());
    }
}

/// <summary>While someone types, the workshop shows what others said that means the same, whatever the words.</summary>
public class when_a_participant_types_an_idea_already_posted_in_other_words(EngageHost engage) : WorkshopTest(engage)
{
    [Fact]
    public async Task the_similar_contribution_is_found_by_meaning_and_an_unrelated_one_is_not()
    {
        await OpenWorkshop();
        var nia = await Join("nia@example.org");
        var ben = await Join("ben@example.org");
        var studyTime = await Post(nia, "I am not allowed time off for my education");
        await Post(nia, "The car park is full before the early shift starts.");

        var typed = Uri.EscapeDataString("my trust will not release me for training");
        var similar = await (await ben.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/similar?text={typed}")).Read<JsonElement[]>();

        Assert.Equal(studyTime.Id, Assert.Single(similar).GetProperty("id").GetGuid());
        Assert.InRange(similar[0].GetProperty("score").GetDouble(), SimilarContributions.MeaningThreshold, 1.0);
        // The words alone link nothing: the lexical method finds no match for the same text.
        Assert.Empty(SimilarContributions.Find("my trust will not release me for training",
            [new Contribution { Id = studyTime.Id, Text = "I am not allowed time off for my education" }]));
    }
}
