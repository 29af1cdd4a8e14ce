using System.Text;

namespace Engage.Analysis.Sentiment;

internal enum TokenKind { Word, Emoticon, ClauseBreak, SentenceBreak }

internal readonly record struct SentimentToken(TokenKind Kind, string Text);

/// <summary>
/// Splits a comment for the sentiment scorer. Unlike the discovery tokenizer it keeps stop words,
/// because "not", "but" and "very" are what the scorer reads, and it keeps punctuation as clause and
/// sentence breaks, which end the reach of a negation. Apostrophes vanish ("couldn’t" → "couldnt");
/// hyphens stay inside words ("short-staffed").
/// </summary>
internal static class SentimentTokens
{
    public static List<SentimentToken> Split(string text)
    {
        var tokens = new List<SentimentToken>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            if (word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]) && (c is '\'' or '’' || c == '-'))
            {
                if (c == '-') word.Append(c);
                continue;
            }
            Flush(word, tokens);
            if (Emoticon(text, i) is { } emoticon)
            {
                tokens.Add(new SentimentToken(TokenKind.Emoticon, emoticon));
                i += emoticon.Length - 1;
                continue;
            }
            switch (c)
            {
                case '.' or '!' or '?' or '\n':
                    tokens.Add(new SentimentToken(TokenKind.SentenceBreak, ""));
                    break;
                case ',' or ';' or ':' or '(' or ')' or '-' or '–' or '/':
                    tokens.Add(new SentimentToken(TokenKind.ClauseBreak, ""));
                    break;
            }
        }
        Flush(word, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder word, List<SentimentToken> tokens)
    {
        if (word.Length == 0) return;
        tokens.Add(new SentimentToken(TokenKind.Word, word.ToString()));
        word.Clear();
    }

    private static string? Emoticon(string text, int start)
    {
        var c = text[start];
        if (c is not (':' or ';' or '=') && c < '\u2000') return null;
        for (var length = Math.Min(3, text.Length - start); length >= 1; length--)
        {
            var candidate = text.Substring(start, length).ToLowerInvariant();
            if (SentimentLexicon.Emoticons.ContainsKey(candidate)) return candidate;
        }
        return null;
    }
}
