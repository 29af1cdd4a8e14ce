namespace Engage.Analysis.Discovery;

/// <summary>Names a cluster by its distinguishing terms and picks the quotes that best stand for it.</summary>
internal static class ThemeDescriber
{
    public static List<DiscoveredTheme> Describe(
        IReadOnlyList<TextItem> items, EncodedCorpus corpus, TfidfVectors vectors, int[] assignments, int topTerms, int quotes)
    {
        var n = items.Count;
        var members = assignments.Select((z, d) => (z, d)).Where(p => p.z >= 0)
            .GroupBy(p => p.z, p => p.d)
            .Select(g => g.ToArray())
            // Largest first; equal sizes by first member, so numbering is stable.
            .OrderByDescending(g => g.Length).ThenBy(g => g[0])
            .ToList();

        var df = new int[corpus.VocabularySize];
        var usable = 0;
        foreach (var doc in corpus.Documents)
        {
            if (doc.Length > 0) usable++;
            foreach (var w in doc.Distinct()) df[w]++;
        }

        var themes = new List<DiscoveredTheme>(members.Count);
        for (var t = 0; t < members.Count; t++)
        {
            var ids = members[t];
            var terms = TopTerms(corpus, ids, df, usable, topTerms);
            var label = terms.Count == 0 ? $"Theme {t + 1}" : string.Join(", ", terms.Take(3));
            themes.Add(new DiscoveredTheme(t + 1, label, terms, ids.Select(d => items[d].Id).ToList(), ids.Length,
                Quotes(items, vectors, ids, quotes)));
        }
        return themes;
    }

    /// <summary>
    /// Terms ranked by how much more often texts of the theme use them than texts overall
    /// (share in theme × log of the lift): frequent in the theme and rare elsewhere.
    /// </summary>
    private static List<string> TopTerms(EncodedCorpus corpus, int[] ids, int[] df, int usable, int count)
    {
        var inTheme = new Dictionary<int, int>();
        foreach (var d in ids)
            foreach (var w in corpus.Documents[d].Distinct())
                inTheme[w] = inTheme.GetValueOrDefault(w) + 1;
        var minSupport = ids.Length >= 10 ? 2 : 1;
        return inTheme
            .Where(p => p.Value >= minSupport)
            .Select(p =>
            {
                var share = (double)p.Value / ids.Length;
                var overall = (double)df[p.Key] / usable;
                return (Term: corpus.Vocabulary[p.Key], Score: share * Math.Log(share / overall + 1e-12), p.Value);
            })
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Value).ThenBy(x => x.Term, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Term)
            .ToList();
    }

    /// <summary>Members closest (cosine) to the theme's TF-IDF centre; repeated wordings appear once.</summary>
    private static List<RepresentativeQuote> Quotes(IReadOnlyList<TextItem> items, TfidfVectors vectors, int[] ids, int count)
    {
        var centre = new double[vectors.Dimensions];
        foreach (var d in ids) vectors.AddTo(d, centre);
        var norm = Math.Sqrt(centre.Sum(v => v * v));
        if (norm == 0) norm = 1;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var quotes = new List<RepresentativeQuote>(count);
        foreach (var (d, sim) in ids.Select(d => (d, sim: vectors.Dot(d, centre) / norm)).OrderByDescending(x => x.sim).ThenBy(x => x.d))
        {
            if (!seen.Add(items[d].Text.Trim())) continue;
            quotes.Add(new RepresentativeQuote(items[d].Id, items[d].Text, Math.Round(sim, 4)));
            if (quotes.Count == count) break;
        }
        return quotes;
    }
}
