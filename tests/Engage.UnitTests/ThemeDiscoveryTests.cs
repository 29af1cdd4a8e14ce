using Engage.Analysis.Discovery;

namespace Engage.UnitTests.ThemeDiscoveryTests;

/// <summary>A small corpus with planted topics: each contribution mixes words of its own topic with everyday words.</summary>
internal static class PlantedCorpus
{
    public static readonly string[][] Topics =
    [
        ["bus", "train", "timetable", "fare", "station", "commute", "tram", "ticket", "route", "platform"],
        ["nurse", "hospital", "waiting", "doctor", "appointment", "clinic", "surgery", "ward", "patient", "prescription"],
        ["school", "teacher", "classroom", "pupil", "exam", "homework", "curriculum", "lesson", "headteacher", "playground"],
        ["housing", "rent", "landlord", "mortgage", "tenant", "deposit", "flat", "eviction", "council", "estate"],
    ];

    private static readonly string[] Everyday = ["people", "local", "better", "time", "area", "money", "town", "good", "problem", "support"];

    public static (List<TextItem> Items, int[] Topic) Build(int perTopic = 30, int seed = 7)
    {
        var random = new Random(seed);
        var items = new List<TextItem>();
        var topic = new List<int>();
        for (var i = 0; i < perTopic; i++)
            for (var t = 0; t < Topics.Length; t++)
            {
                var words = Enumerable.Range(0, 4).Select(_ => Topics[t][random.Next(Topics[t].Length)])
                    .Concat(Enumerable.Range(0, 2).Select(_ => Everyday[random.Next(Everyday.Length)]))
                    .OrderBy(_ => random.Next()).ToList();
                items.Add(new TextItem(Guid.NewGuid(), "The " + string.Join(" and ", words) + "."));
                topic.Add(t);
            }
        return (items, topic.ToArray());
    }
}

public class when_themes_are_discovered
{
    [Fact]
    public void the_same_seed_gives_the_same_themes()
    {
        var (items, _) = PlantedCorpus.Build();
        var options = new ThemeDiscoveryOptions { ThemeCount = 4, Seed = 11 };

        var first = ThemeDiscovery.Discover(items, options);
        var second = ThemeDiscovery.Discover(items, options);

        Assert.Equal(first.Themes.Select(t => t.ItemIds), second.Themes.Select(t => t.ItemIds));
        Assert.Equal(first.Themes.Select(t => t.Label), second.Themes.Select(t => t.Label));
    }

    [Fact]
    public void planted_topics_are_found()
    {
        var (items, topic) = PlantedCorpus.Build();
        var topicOf = items.Select((item, i) => (item.Id, topic[i])).ToDictionary(x => x.Id, x => x.Item2);

        var result = ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { ThemeCount = 4 });

        Assert.Equal(4, result.Themes.Count);
        // Each theme is one planted topic, and each topic is one theme.
        var majority = result.Themes.Select(t => t.ItemIds.GroupBy(id => topicOf[id]).MaxBy(g => g.Count())!).ToList();
        Assert.All(result.Themes.Zip(majority), pair => Assert.True(pair.Second.Count() >= 0.9 * pair.First.Size,
            $"theme '{pair.First.Label}' is only {pair.Second.Count()}/{pair.First.Size} one topic"));
        Assert.Equal(4, majority.Select(g => g.Key).Distinct().Count());
    }

    [Fact]
    public void labels_and_top_terms_come_from_the_theme_own_words()
    {
        var (items, _) = PlantedCorpus.Build();

        var result = ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { ThemeCount = 4 });

        foreach (var theme in result.Themes)
        {
            var vocabulary = PlantedCorpus.Topics.Single(words => words.Contains(theme.TopTerms[0]));
            Assert.All(theme.TopTerms.Take(3), term => Assert.Contains(term, vocabulary));
            Assert.Equal(string.Join(", ", theme.TopTerms.Take(3)), theme.Label);
        }
    }

    [Fact]
    public void the_automatic_number_of_themes_is_close_to_the_planted_one()
    {
        var (items, _) = PlantedCorpus.Build(perTopic: 40);

        var result = ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { Seed = 3 });

        Assert.InRange(result.Themes.Count, 3, 6);
        Assert.Equal(items.Count, result.Themes.Sum(t => t.Size) + result.Unassigned.Count);
    }

    [Fact]
    public void representative_quotes_belong_to_their_theme()
    {
        var (items, _) = PlantedCorpus.Build();
        var text = items.ToDictionary(i => i.Id, i => i.Text);

        var result = ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { ThemeCount = 4, QuoteCount = 3 });

        Assert.All(result.Themes, theme =>
        {
            Assert.InRange(theme.Quotes.Count, 1, 3);
            Assert.All(theme.Quotes, q =>
            {
                Assert.Contains(q.ItemId, theme.ItemIds);
                Assert.Equal(text[q.ItemId], q.Text);
            });
            // Closest to the centre first.
            Assert.Equal(theme.Quotes.OrderByDescending(q => q.Similarity).Select(q => q.ItemId), theme.Quotes.Select(q => q.ItemId));
        });
    }

    [Fact]
    public void progress_is_reported_up_to_completion()
    {
        var (items, _) = PlantedCorpus.Build();
        var reported = new List<double>();

        ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions(), new SynchronousProgress(reported));

        Assert.NotEmpty(reported);
        Assert.Equal(1.0, reported[^1]);
        Assert.All(reported, p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void a_cancelled_request_stops()
    {
        var (items, _) = PlantedCorpus.Build();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions(), null, cancelled.Token));
    }

    [Fact]
    public void an_empty_corpus_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<DiscoveryInputException>(() => ThemeDiscovery.Discover([]));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void a_corpus_smaller_than_the_themes_asked_for_is_refused()
    {
        var items = new List<TextItem> { new(Guid.NewGuid(), "More buses at night"), new(Guid.NewGuid(), "Cheaper rents") };

        var error = Assert.Throws<DiscoveryInputException>(() => ThemeDiscovery.Discover(items, new ThemeDiscoveryOptions { ThemeCount = 3 }));
        Assert.Contains("2 contributions", error.Message);
    }

    [Fact]
    public void contributions_without_usable_words_are_reported_unassigned()
    {
        var (items, _) = PlantedCorpus.Build();
        var noWords = new TextItem(Guid.NewGuid(), "+1 !!! 42");

        var result = ThemeDiscovery.Discover([.. items, noWords], new ThemeDiscoveryOptions { ThemeCount = 4 });

        Assert.Equal([noWords.Id], result.Unassigned);
        Assert.DoesNotContain(result.Themes, t => t.ItemIds.Contains(noWords.Id));
    }

    [Fact]
    public void the_baseline_clusters_every_item_with_words()
    {
        var (items, _) = PlantedCorpus.Build();

        var labels = TfidfKMeansBaseline.Cluster(items, 4, seed: 1);

        Assert.Equal(items.Count, labels.Length);
        Assert.All(labels, l => Assert.InRange(l, 0, 3));
    }

    [Fact]
    public void the_tokenizer_keeps_telling_words_only()
    {
        Assert.Equal(new[] { "buse", "night", "c#" }, ShortTextTokenizer.Tokenize("We'd like MORE buses at night, in 2026, and C#!"));
    }

    private sealed class SynchronousProgress(List<double> into) : IProgress<double>
    {
        private readonly Lock _gate = new();
        public void Report(double value) { lock (_gate) into.Add(value); }
    }
}
