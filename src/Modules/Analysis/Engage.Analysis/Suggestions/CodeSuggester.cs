namespace Engage.Analysis.Suggestions;

/// <summary>An item an analyst has coded; an item with no codes says that none of the codes applies.</summary>
/// <param name="Embedding">The text's sentence embedding, when the corpus has them: the suggester then learns from meaning as well as words.</param>
public sealed record TrainingItem(string Text, IReadOnlyCollection<string> Codes, float[]? Embedding = null);

/// <summary>A code Engage proposes for an uncoded item, with the model's probability that it applies.</summary>
public sealed record CodeSuggestion(string Code, double Confidence);

/// <param name="MinimumExamples">A code is learnt only from at least this many items with it, and as many without it.</param>
/// <param name="Regularisation">C in ½‖w‖² + C Σ loss: larger trusts the coded items more, smaller keeps
/// confidences nearer the codes' base rates.</param>
/// <param name="MaxIterations">L-BFGS iterations per code; the fit normally converges well before.</param>
public sealed record SuggesterOptions(int MinimumExamples = 3, double Regularisation = 10.0, int MaxIterations = 300);

/// <summary>
/// Learns, from the items analysts have coded, which codes the other items probably carry. Each code
/// gets its own logistic model on TF-IDF unigrams and bigrams (one-vs-rest), so an item can be
/// suggested several codes and each confidence is that code's own probability: they need not sum to 1.
/// Training is deterministic (no random start, no sampling): the same coded items always give the
/// same suggestions. When every coded item comes with its sentence embedding, the embedding's dimensions
/// are appended to the TF-IDF row (both halves unit length), so "no protected study time" can carry the
/// code analysts gave "my trust will not release me for training". Once trained it is read-only, so one instance can serve many requests at once.
/// </summary>
public sealed class CodeSuggester
{
    private readonly TextFeatures _features;
    private readonly (string Code, BinaryModel Model)[] _models;

    private readonly int _dense;

    private CodeSuggester(TextFeatures features, (string, BinaryModel)[] models, IReadOnlyList<string> unlearnt, int dense)
    {
        _features = features;
        _dense = dense;
        _models = models;
        LearntCodes = models.Select(m => m.Item1).ToList();
        UnlearntCodes = unlearnt;
    }

    /// <summary>Codes with a model, in ordinal order.</summary>
    public IReadOnlyList<string> LearntCodes { get; }

    /// <summary>
    /// Codes used in the coded items that had too few items with them (or without them) to learn from,
    /// in ordinal order. They are never suggested; the analyst should code more items with them.
    /// </summary>
    public IReadOnlyList<string> UnlearntCodes { get; }

    public static CodeSuggester Train(IReadOnlyList<TrainingItem> items, SuggesterOptions? options = null)
    {
        options ??= new SuggesterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinimumExamples, 1, nameof(options.MinimumExamples));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Regularisation, nameof(options.Regularisation));
        var (features, rows) = TextFeatures.Fit(items.Select(i => i.Text).ToList());
        var dense = items.Count > 0 && items.All(i => i.Embedding is { Length: > 0 }) && items.Select(i => i.Embedding!.Length).Distinct().Count() == 1
            ? items[0].Embedding!.Length : 0;
        if (dense > 0) rows = rows.Select((r, i) => WithMeaning(r, features.Count, items[i].Embedding)).ToArray();
        var codeSets = items.Select(i => i.Codes.ToHashSet(StringComparer.Ordinal)).ToArray();
        var codes = codeSets.SelectMany(c => c).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        bool Learnable(string code)
        {
            var with = codeSets.Count(set => set.Contains(code));
            return with >= options.MinimumExamples && items.Count - with >= options.MinimumExamples;
        }
        var learnable = codes.Where(Learnable).ToArray();

        // Codes are independent, so they train in parallel; each result lands in its own slot.
        var models = new BinaryModel[learnable.Length];
        Parallel.For(0, learnable.Length, k =>
        {
            var positive = codeSets.Select(set => set.Contains(learnable[k])).ToArray();
            models[k] = LogisticRegression.Train(rows, positive, features.Count + dense, options.Regularisation, options.MaxIterations);
        });

        return new CodeSuggester(features, learnable.Zip(models).ToArray(), codes.Except(learnable).ToList(), dense);
    }

    /// <summary>The learnt codes whose confidence reaches <paramref name="minimumConfidence"/>, most confident first.</summary>
    /// <summary>True when the models learnt from sentence embeddings too; <see cref="Suggest"/> then wants the item's embedding.</summary>
    public bool UsesMeaning => _dense > 0;

    public IReadOnlyList<CodeSuggestion> Suggest(string text, double minimumConfidence = 0.2, float[]? embedding = null)
    {
        var row = _features.Transform(text);
        if (_dense > 0) row = WithMeaning(row, _features.Count, embedding is { Length: > 0 } e && e.Length == _dense ? e : null);
        var suggestions = new List<CodeSuggestion>(_models.Length);
        foreach (var (code, model) in _models)
        {
            var confidence = model.Probability(row);
            if (confidence >= minimumConfidence) suggestions.Add(new CodeSuggestion(code, confidence));
        }
        // Ties keep the codes' ordinal order (the sort is stable), so output never depends on chance.
        return suggestions.OrderByDescending(s => s.Confidence).ToList();
    }

    /// <summary>The TF-IDF row followed by the embedding's dimensions (an item without one gets words only).</summary>
    private static FeatureRow WithMeaning(FeatureRow row, int offset, float[]? embedding)
    {
        if (embedding is null) return row;
        var indices = new int[row.Indices.Length + embedding.Length];
        var values = new double[indices.Length];
        row.Indices.CopyTo(indices, 0);
        row.Values.CopyTo(values, 0);
        for (var d = 0; d < embedding.Length; d++)
        {
            indices[row.Indices.Length + d] = offset + d;
            values[row.Indices.Length + d] = embedding[d];
        }
        return new FeatureRow(indices, values);
    }
}
