using Engage.Analysis.Discovery;
using Engage.Embeddings;
using Engage.Methods.Vectors;
using Microsoft.Extensions.Configuration;

namespace Engage.UnitTests.EmbeddingTests;

/// <summary>One model load (about half a second) for the class; only a handful of texts are embedded.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public SentenceEmbedder Embedder { get; } = SentenceEmbedder.Load(EmbeddingModel.MiniLm);
    public void Dispose() => Embedder.Dispose();
}

public class the_shipped_sentence_model(MiniLmFixture model) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public void paraphrases_without_a_shared_word_are_closer_than_unrelated_texts()
    {
        var v = model.Embedder.Embed(["no protected study time", "my trust will not release me for training", "the car park is always full"]);
        var paraphrase = VectorMath.Dot(v[0], v[1]);
        var unrelated = VectorMath.Dot(v[0], v[2]);
        // Measured: 0.35 and 0.05 (bench/AnalysisBench README); the similar-contributions threshold sits between.
        Assert.InRange(paraphrase, Engage.Workshop.Contributions.SimilarContributions.MeaningThreshold, 1f);
        Assert.True(unrelated < Engage.Workshop.Contributions.SimilarContributions.MeaningThreshold);
        Assert.True(paraphrase > unrelated + 0.1, $"paraphrase {paraphrase:0.000}, unrelated {unrelated:0.000}");
        Assert.All(v, x => Assert.Equal(1, VectorMath.Dot(x, x), 3));
        Assert.Equal(384, model.Embedder.Dimensions);
    }

    [Fact]
    public void a_batch_gives_the_vectors_one_at_a_time_gives_in_input_order()
    {
        string[] texts = ["Congestion on the A1 again", "rota gaps every weekend", "a much longer sentence about supervision and protected learning time in the job plan"];
        var batch = model.Embedder.Embed(texts, batchSize: 8);
        for (var i = 0; i < texts.Length; i++) Assert.Equal(1, VectorMath.Dot(batch[i], model.Embedder.Embed(texts[i])), 4);
    }

    [Fact]
    public void road_names_and_curly_apostrophes_keep_their_meaning()
    {
        // The package's own tokenizer turned "A1" into an unknown token, so these two texts collided.
        var v = model.Embedder.Embed(["traffic on the A1", "traffic on the M6", "I don’t get study leave", "I don't get study leave"]);
        Assert.True(VectorMath.Dot(v[0], v[1]) < 0.99f);
        Assert.True(VectorMath.Dot(v[2], v[3]) > 0.98f);
    }

    [Fact]
    public void discovery_by_meaning_puts_paraphrases_together_and_names_themes_by_their_words()
    {
        string[] training = ["no protected study time", "my trust will not release me for training", "I am not allowed time off for my education",
            "My employer refuses to let me attend courses", "I cannot get study leave approved"];
        string[] parking = ["nowhere to park at the hospital", "the car park is full before my shift", "staff parking permits cost too much",
            "I drive round the car park for half an hour looking for a space", "parking fines for staff on night shifts"];
        var items = training.Concat(parking).Select(t => new TextItem(Guid.NewGuid(), t)).ToList();
        var vectors = model.Embedder.Embed(items.Select(i => i.Text).ToList());

        var result = MeaningThemeDiscovery.Discover(items, vectors, new ThemeDiscoveryOptions { ThemeCount = 2, Seed = 1, QuoteCount = 2 });
        var theme = result.ThemeOf(items);

        Assert.Equal(2, result.Themes.Count);
        Assert.All(theme[..5], t => Assert.Equal(theme[0], t));
        Assert.All(theme[5..], t => Assert.Equal(theme[5], t));
        Assert.NotEqual(theme[0], theme[5]);
        Assert.Contains(result.Themes, t => t.TopTerms.Contains("park") || t.TopTerms.Contains("parking"));
        Assert.All(result.Themes, t => Assert.Equal(2, t.Quotes.Count));
        Assert.Equal(theme, MeaningThemeDiscovery.Discover(items, vectors, new ThemeDiscoveryOptions { ThemeCount = 2, Seed = 1 }).ThemeOf(items));
    }
}

public class choosing_the_model
{
    private static IConfiguration With(string? model) =>
        new ConfigurationBuilder().AddInMemoryCollection(model is null ? [] : [new KeyValuePair<string, string?>("Embeddings:Model", model)]).Build();

    [Fact]
    public void the_default_is_the_model_shipped_in_the_package_and_off_switches_it_off()
    {
        Assert.Equal(EmbeddingModel.MiniLm, TextEmbeddings.FromConfiguration(With(null)));
        Assert.Equal(EmbeddingModel.ArcticXs, TextEmbeddings.FromConfiguration(With("arcticxs")));
        Assert.Null(TextEmbeddings.FromConfiguration(With("Off")));
        Assert.False(new TextEmbeddings(null).Enabled);
        Assert.Throws<InvalidOperationException>(() => new TextEmbeddings(null).Embedder);
    }

    [Fact]
    public void an_unknown_model_stops_start_up_naming_the_choices()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TextEmbeddings.FromConfiguration(With("gpt")));
        Assert.Contains("MiniLM, ArcticXs or Off", e.Message);
    }
}
