namespace Engage.Analysis.Suggestions;

/// <summary>An item an analyst has coded; an item with no codes says that none of the codes applies.</summary>
public sealed record TrainingItem(string Text, IReadOnlyCollection<string> Codes);

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
/// same suggestions. Once trained it is read-only, so one instance can serve many requests at once.
/// </summary>
public sealed class CodeSuggester
{
    private readonly TextFeatures _features;
    private readonly (string Code, BinaryModel Model)[] _models;

    private CodeSuggester(TextFeatures features, (string, BinaryModel)[] models, IReadOnlyList<string> unlearnt)
    {
        _features = features;
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
            models[k] = LogisticRegression.Train(rows, positive, features.Count, options.Regularisation, options.MaxIterations);
        });

        return new CodeSuggester(features, learnable.Zip(models).ToArray(), codes.Except(learnable).ToList());
    }

    /// <summary>The learnt codes whose confidence reaches <paramref name="minimumConfidence"/>, most confident first.</summary>
    public IReadOnlyList<CodeSuggestion> Suggest(string text, double minimumConfidence = 0.2)
    {
        var row = _features.Transform(text);
        var suggestions = new List<CodeSuggestion>(_models.Length);
        foreach (var (code, model) in _models)
        {
            var confidence = model.Probability(row);
            if (confidence >= minimumConfidence) suggestions.Add(new CodeSuggestion(code, confidence));
        }
        // Ties keep the codes' ordinal order (the sort is stable), so output never depends on chance.
        return suggestions.OrderByDescending(s => s.Confidence).ToList();
    }
}
