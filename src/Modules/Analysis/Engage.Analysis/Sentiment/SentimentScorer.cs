namespace Engage.Analysis.Sentiment;

/// <summary>
/// Scores the tone of a short English comment from Engage's own lexicon, reading it left to right:
/// <list type="bullet">
/// <item>A negation ("not", "no", "never", "can't", "lack of") turns the next three words around and
/// softens them ("not good" is less bad than "bad"); punctuation ends its reach. "Nothing" and "none"
/// deny only complaints ("nothing wrong"), because praise after them starts a new statement.</item>
/// <item>Degree words scale the next sentiment word: "very", "extremely" up, "slightly", "a bit" down.</item>
/// <item>"but", "however" and "except" halve what came before and weigh the rest of the sentence 1.5 times:
/// the writer's point usually follows. A clause opened by "although" or "despite" weighs half.</item>
/// <item>Wishes criticise: "could be better", "would have been helpful", a clause opening with "more"
/// or "better" ("Better signs on the door"); "couldn't be better" praises.</item>
/// </list>
/// The weighted sum s becomes tanh(s / 3), so one strong word gives about ±0.76 and praise piled on
/// praise approaches 1. Texts with no sentiment words score 0, Neutral.
/// </summary>
public static class SentimentScorer
{
    /// <summary>Scores within this distance of 0 are Neutral: a single very mild word should not decide.</summary>
    public const double NeutralBand = 0.1;

    private const double Scale = 3.0;

    public static SentimentScore Score(string text)
    {
        var value = Math.Tanh(new Reading(SentimentTokens.Split(text)).Total() / Scale);
        var label = value > NeutralBand ? SentimentLabel.Positive
            : value < -NeutralBand ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        return new SentimentScore(value, label);
    }

    /// <summary>One pass over a text's tokens, holding what the words read so far do to the next ones.</summary>
    private sealed class Reading(List<SentimentToken> tokens)
    {
        private const int Reach = 3;
        private const double NegationFactor = -0.75;
        private const double WishFactor = -0.5;

        private double _total;
        private double _sentenceWeight = 1;   // 1.5 after "but" until the sentence ends
        private double _clauseWeight = 1;     // 0.5 inside an "although" clause
        private double _degree = 1;           // set by "very", "slightly"; used by the next word
        private int _negationLeft;            // words still under a negation
        private string _negator = "";         // the word that opened the negation
        private bool _modalNegation;          // "can't", "couldn't": a comparative after it praises
        private int _hypotheticalLeft;        // words still under "could", "would", "should"
        private bool _wish;                   // "would be", "could have been": a positive word after it is missing
        private string _previous = "";

        private double Weight => _clauseWeight * _sentenceWeight;

        public double Total()
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                switch (token.Kind)
                {
                    case TokenKind.SentenceBreak:
                        _sentenceWeight = 1;
                        EndClause();
                        break;
                    case TokenKind.ClauseBreak:
                        EndClause();
                        break;
                    case TokenKind.Emoticon:
                        _total += SentimentLexicon.Emoticons[token.Text] * _sentenceWeight;
                        break;
                    default:
                        i += Word(i);
                        break;
                }
            }
            return _total;
        }

        private void EndClause()
        {
            (_negationLeft, _hypotheticalLeft, _wish, _degree, _clauseWeight, _previous) = (0, 0, false, 1, 1, "");
        }

        /// <summary>Reads the word at i; returns how many following words a phrase took with it.</summary>
        private int Word(int i)
        {
            var word = tokens[i].Text;
            var before = _previous;
            _previous = word;

            if (Phrase(i) is { } phrase)
            {
                Add(phrase.Valence, word);
                return phrase.Length - 1;
            }
            if (SentimentLexicon.Contrasts.Contains(word))
            {
                _total *= 0.5;
                EndClause();
                _sentenceWeight = 1.5;
                return 0;
            }
            if (SentimentLexicon.Concessions.Contains(word))
            {
                _clauseWeight = 0.5;
                return 0;
            }
            // "No, all good" written without the comma: a new statement starts here.
            if (_negator != "not" && word is "everything" or "everyone" or "everybody" or "all" or "always") _negationLeft = 0;

            if (SentimentLexicon.Negators.Contains(word) || word == "little" && before != "a")
            {
                _negator = word;
                _modalNegation = SentimentLexicon.ModalNegators.Contains(word) || word == "not" && before is "could" or "can" or "would";
                // "could not have been any better" needs a longer reach than "not good".
                _negationLeft = _modalNegation ? Reach + 2 : Reach;
                // "lack of" is a complaint on its own as well as a negation of what follows.
                _total += SentimentLexicon.Valence.GetValueOrDefault(word) * Weight;
                return 0;
            }
            if (SentimentLexicon.Degree.TryGetValue(word, out var factor))
            {
                // "a bit slow" softens; a bare "bit" means nothing here.
                if (word != "bit" || before == "a") _degree *= factor;
                return 0;
            }
            if (SentimentLexicon.Hypotheticals.Contains(word))
            {
                _hypotheticalLeft = Reach + 1;
                // "nothing could be better", "no one could have been kinder".
                if (_negationLeft > 0) (_modalNegation, _negationLeft) = (true, Reach + 2);
            }
            if (_hypotheticalLeft > 0 && word is "be" or "been" or "have") _wish = true;

            if (SentimentLexicon.Comparatives.Contains(word) && Comparative(word, before)) return 0;
            Add(Lookup(word), word);
            return 0;
        }

        /// <summary>Handles a comparative whose meaning depends on what precedes it; false when it is just a word.</summary>
        private bool Comparative(string word, string before)
        {
            if (_negationLeft > 0 && _modalNegation)
            {
                // "couldn't be better", "can't thank them enough": as high as praise goes.
                _total += 2.5 * _degree * Weight;
                (_negationLeft, _hypotheticalLeft, _wish, _degree) = (0, 0, false, 1);
                return true;
            }
            var opensClause = before == "";
            if (_negationLeft == 0 && (_hypotheticalLeft > 0 || opensClause))
            {
                // "could be better", "more staff", "better signs": a wish for change, and what follows is what was missing.
                _total -= (opensClause ? 0.5 : 1.0) * _degree * Weight;
                (_negationLeft, _negator, _modalNegation, _degree) = (Reach - 1, word, false, 1);
                return true;
            }
            return false;
        }

        private void Add(double valence, string word)
        {
            var degree = _degree;
            _degree = 1;
            if (_hypotheticalLeft > 0) _hypotheticalLeft--;
            if (valence == 0)
            {
                // "can't think of anything that could be better": "any" carries the negation further.
                if (_negationLeft > 0 && word is not ("any" or "anything" or "anyone" or "anybody")) _negationLeft--;
                return;
            }

            if (_negationLeft > 0 && SentimentLexicon.DenyOnlyComplaints.Contains(_negator) && valence > 0)
                _negationLeft = 0;
            if (_negationLeft > 0 && !SentimentLexicon.NegationProof.Contains(word)) valence *= NegationFactor;
            else if (_wish && valence > 0 && !SentimentLexicon.WishProof.Contains(word)) valence *= WishFactor;
            if (_negationLeft > 0) _negationLeft--;
            _wish = false;
            _total += valence * degree * Weight;
        }

        private (double Valence, int Length)? Phrase(int i)
        {
            if (!SentimentLexicon.PhraseStarts.Contains(tokens[i].Text)) return null;
            for (var length = 3; length >= 2; length--)
            {
                if (i + length > tokens.Count) continue;
                var words = tokens.Skip(i).Take(length).ToList();
                if (words.Any(t => t.Kind != TokenKind.Word)) continue;
                if (SentimentLexicon.Phrases.TryGetValue(string.Join(' ', words.Select(t => t.Text)), out var valence))
                    return (valence, length);
            }
            return null;
        }
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
