using System.Text;

namespace Engage.Analysis.Discovery;

/// <summary>
/// Turns a short contribution into terms: lowercase, English stop words out, one-letter tokens out,
/// pure numbers out (a year or a count rarely says what a theme is about), and a light plural
/// strip so "policies" and "policy" count as one term. Tokens such as "c#" or "c++" keep their
/// trailing symbols because for many users they are the whole point of the sentence.
/// </summary>
public static class ShortTextTokenizer
{
    public static List<string> Tokenize(string text)
    {
        var terms = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? char.ToLowerInvariant(text[i]) : ' ';
            if (char.IsLetterOrDigit(c)) { sb.Append(c); continue; }
            // "c#", "c++", "f#": symbols glued to the end of a word belong to it.
            if ((c == '#' || c == '+') && sb.Length > 0) { sb.Append(c); continue; }
            // "don't" -> "dont" so it meets the stop list as one word.
            if (c == '\'' && sb.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])) continue;
            Flush(sb, terms);
        }
        return terms;
    }

    private static void Flush(StringBuilder sb, List<string> terms)
    {
        if (sb.Length == 0) return;
        var token = sb.ToString();
        sb.Clear();
        if (token.Length < 2 && !token.EndsWith('#')) return;
        if (IsNumber(token)) return;
        if (StopWords.Contains(token)) return;
        var stem = Singular(token);
        if (stem.Length < 2 || StopWords.Contains(stem)) return;
        terms.Add(stem);
    }

    private static bool IsNumber(string token)
    {
        foreach (var c in token) if (!char.IsDigit(c) && c != '+' && c != '#') return false;
        return true;
    }

    /// <summary>A conservative plural strip (Harman's S-stemmer): it never turns one word into another.</summary>
    internal static string Singular(string w)
    {
        if (w.Length <= 3 || !w.EndsWith('s')) return w;
        if (w.EndsWith("ies") && !w.EndsWith("eies") && !w.EndsWith("aies")) return w[..^3] + "y";
        if (w.EndsWith("es") && !w.EndsWith("aes") && !w.EndsWith("ees") && !w.EndsWith("oes")) return w[..^1];
        if (!w.EndsWith("us") && !w.EndsWith("ss")) return w[..^1];
        return w;
    }

    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "across", "after", "afterwards", "again", "against", "all", "almost", "alone",
        "along", "already", "also", "although", "always", "am", "among", "amongst", "an", "and", "another",
        "any", "anyhow", "anyone", "anything", "anyway", "anywhere", "are", "aren", "arent", "around", "as",
        "at", "be", "became", "because", "become", "becomes", "been", "before", "beforehand", "behind",
        "being", "below", "beside", "besides", "between", "beyond", "both", "but", "by", "can", "cannot",
        "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "done", "dont", "down",
        "due", "during", "each", "eg", "either", "else", "elsewhere", "enough", "etc", "even", "ever",
        "every", "everyone", "everything", "everywhere", "except", "few", "for", "from", "further", "get",
        "gets", "getting", "got", "had", "has", "hasnt", "have", "havent", "having", "he", "hence", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "however", "ie", "if", "im", "in",
        "indeed", "into", "is", "isnt", "it", "its", "itself", "ive", "just", "last", "least", "less",
        "let", "lets", "like", "many", "may", "me", "meanwhile", "might", "mine", "more", "moreover", "most",
        "mostly", "much", "must", "my", "myself", "namely", "neither", "never", "nevertheless", "next", "no",
        "nobody", "none", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often", "on", "once",
        "one", "only", "onto", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out",
        "over", "own", "per", "perhaps", "please", "quite", "rather", "really", "same", "several", "she",
        "should", "shouldnt", "since", "so", "some", "somehow", "someone", "something", "sometime",
        "sometimes", "somewhere", "still", "such", "than", "that", "thats", "the", "their", "theirs", "them",
        "themselves", "then", "thence", "there", "thereafter", "thereby", "therefore", "therein", "theres",
        "these", "they", "theyre", "this", "those", "though", "through", "throughout", "thru", "thus", "to",
        "together", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was",
        "wasnt", "we", "well", "were", "werent", "what", "whatever", "when", "whence", "whenever", "where",
        "whereas", "whereby", "wherein", "whereupon", "wherever", "whether", "which", "while", "whither",
        "who", "whoever", "whole", "whom", "whose", "why", "will", "with", "within", "without", "wont",
        "would", "wouldnt", "yet", "you", "youd", "youll", "your", "youre", "yours", "yourself",
        "yourselves", "youve", "using", "use", "used", "way", "want", "need", "make", "thing", "things",
        "think", "lot", "lots", "ok", "yes", "oh", "id", "ill", "weve", "theyve", "wed", "theyd", "hed", "hes", "shes",
    };
}
