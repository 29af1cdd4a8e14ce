namespace Engage.Analysis.Sentiment;

/// <summary>
/// Scores the tone of a short English comment from Engage's own lexicon, reading it left to right:
/// <list type="bullet">
/// <item>A negation ("not", "no", "never", "nothing", "can't", "lack of") turns the next three words
/// around and softens them ("not good" is less bad than "bad"); punctuation ends its reach.</item>
/// <item>Degree words scale the next sentiment word: "very", "extremely" up, "slightly", "a bit" down.</item>
/// <item>"but", "however" and "except" halve what came before and weigh the rest of the sentence 1.5 times:
/// the writer's point usually follows. A clause opened by "although" or "despite" weighs half.</item>
/// <item>Comparatives depend on the modal before them: "couldn't be better" praises, "could be better"
/// criticises.</item>
/// </list>
/// The weighted sum s becomes tanh(s / 3), so one strong word gives about ±0.76 and praise piled on
/// praise approaches 1. Texts with no sentiment words score 0, Neutral.
/// </summary>
public static class SentimentScorer
{
    /// <summary>Scores within this distance of 0 are Neutral: a single very mild word should not decide.</summary>
    public const double NeutralBand = 0.1;

    private const int NegationReach = 3;
    private const double NegationFactor = -0.75;
    private const double Scale = 3.0;

    public static SentimentScore Score(string text)
    {
        var value = Math.Tanh(RawScore(SentimentTokens.Split(text)) / Scale);
        var label = value > NeutralBand ? SentimentLabel.Positive
            : value < -NeutralBand ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        return new SentimentScore(value, label);
    }

    private static double RawScore(List<SentimentToken> tokens)
    {
        double total = 0, sentenceWeight = 1, clauseWeight = 1, degree = 1;
        int negationLeft = 0, hypotheticalLeft = 0;
        var modalNegation = false;
        var negator = "";
        string previous = "";

        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.SentenceBreak or TokenKind.ClauseBreak:
                    if (token.Kind == TokenKind.SentenceBreak) sentenceWeight = 1;
                    (negationLeft, hypotheticalLeft, degree, clauseWeight, previous) = (0, 0, 1, 1, "");
                    continue;
                case TokenKind.Emoticon:
                    total += SentimentLexicon.Emoticons[token.Text] * sentenceWeight;
                    continue;
            }

            var word = token.Text;
            var wordBefore = previous;
            previous = word;

            if (SentimentLexicon.Contrasts.Contains(word))
            {
                total *= 0.5;
                (sentenceWeight, clauseWeight, negationLeft, hypotheticalLeft, degree) = (1.5, 1, 0, 0, 1);
                continue;
            }
            if (SentimentLexicon.Concessions.Contains(word)) { clauseWeight = 0.5; continue; }
            // "Nothing, everything was great" written without the comma: a new statement starts here.
            if (negationLeft > 0 && negator != "not" && word is "everything" or "everyone" or "everybody" or "all" or "always")
                negationLeft = 0;

            var weight = clauseWeight * sentenceWeight;
            if (IsNegator(word, wordBefore))
            {
                negator = word;
                modalNegation = SentimentLexicon.ModalNegators.Contains(word)
                    || word == "not" && wordBefore is "could" or "can" or "would";
                negationLeft = NegationReach;
                // "lack of" is a complaint on its own as well as a negation of what follows.
                total += SentimentLexicon.Valence.GetValueOrDefault(word) * weight;
                continue;
            }
            if (SentimentLexicon.Degree.TryGetValue(word, out var factor))
            {
                // "a bit slow" softens; a bare "bit" means nothing here.
                if (word != "bit" || wordBefore == "a") degree *= factor;
                continue;
            }

            if (SentimentLexicon.Hypotheticals.Contains(word)) hypotheticalLeft = NegationReach + 1;
            if (SentimentLexicon.Comparatives.Contains(word) && negationLeft > 0 && modalNegation)
            {
                // "couldn't be better", "can't thank them enough": as high as praise goes.
                total += 2.5 * degree * weight;
                (negationLeft, degree) = (0, 1);
                continue;
            }
            if (SentimentLexicon.Comparatives.Contains(word) && hypotheticalLeft > 0 && negationLeft == 0)
            {
                // "could be better", "would be more helpful": a wish for change, and what follows is what was missing.
                total -= 1.0 * degree * weight;
                (negationLeft, negator, modalNegation, degree) = (NegationReach - 1, word, false, 1);
                continue;
            }

            total += Valence(word, negationLeft) * degree * weight;
            degree = 1;
            if (negationLeft > 0) negationLeft--;
            if (hypotheticalLeft > 0) hypotheticalLeft--;
        }
        return total;
    }

    /// <summary>"little" denies ("little support") unless it is "a little", which softens.</summary>
    private static bool IsNegator(string word, string wordBefore) =>
        SentimentLexicon.Negators.Contains(word) || word == "little" && wordBefore != "a";

    private static double Valence(string word, int negationLeft)
    {
        var valence = Lookup(word);
        if (valence == 0 || negationLeft == 0 || SentimentLexicon.NegationProof.Contains(word)) return valence;
        return NegationFactor * valence;
    }

    /// <summary>The word as listed, else its last hyphenated part, else without a plural "s" or an adverb's "ly".</summary>
    private static double Lookup(string word)
    {
        var valence = SentimentLexicon.Valence;
        if (valence.TryGetValue(word, out var v)) return v;
        var hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1) return Lookup(word[(hyphen + 1)..]);
        if (word.Length > 4 && word.EndsWith('s') && valence.TryGetValue(word[..^1], out v)) return v;
        if (word.Length > 5 && word.EndsWith("ly") && valence.TryGetValue(word[..^2], out v)) return v;
        return 0;
    }
}
