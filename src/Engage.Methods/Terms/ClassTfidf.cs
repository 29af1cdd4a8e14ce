namespace Engage.Methods.Terms;

public readonly record struct WeightedTerm(string Term, double Weight);

/// <summary>
/// Class-based TF-IDF (Grootendorst 2022, BERTopic): all texts of a cluster are treated as one document,
/// so a term's weight is its share of the cluster's words times log(1 + A / f), where A is the average
/// number of words per cluster and f the term's count in all clusters. Words common everywhere fall;
/// words frequent in one cluster only rise. Tokenising (stop words, stemming) is the caller's.
/// </summary>
public static class ClassTfidf
{
    /// <summary>The top terms of each cluster 0..k-1; rows with a negative cluster are left out. Ties break alphabetically.</summary>
    public static IReadOnlyList<IReadOnlyList<WeightedTerm>> TopTerms(IReadOnlyList<IReadOnlyList<string>> documents, IReadOnlyList<int> clusterOf, int k, int top)
    {
        var perClass = new Dictionary<string, int>[k];
        for (var c = 0; c < k; c++) perClass[c] = new Dictionary<string, int>(StringComparer.Ordinal);
        var overall = new Dictionary<string, int>(StringComparer.Ordinal);
        var classWords = new long[k];
        for (var d = 0; d < documents.Count; d++)
        {
            var c = clusterOf[d];
            if (c < 0) continue;
            foreach (var term in documents[d])
            {
                perClass[c][term] = perClass[c].GetValueOrDefault(term) + 1;
                overall[term] = overall.GetValueOrDefault(term) + 1;
                classWords[c]++;
            }
        }
        var nonEmpty = classWords.Count(w => w > 0);
        var average = nonEmpty == 0 ? 0 : classWords.Sum() / (double)nonEmpty;
        var result = new IReadOnlyList<WeightedTerm>[k];
        for (var c = 0; c < k; c++)
        {
            var words = classWords[c];
            result[c] = perClass[c]
                .Select(t => new WeightedTerm(t.Key, (double)t.Value / words * Math.Log(1 + average / overall[t.Key])))
                .OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(top).ToList();
        }
        return result;
    }
}
