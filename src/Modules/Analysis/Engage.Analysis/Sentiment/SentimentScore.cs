namespace Engage.Analysis.Sentiment;

public enum SentimentLabel { Negative, Neutral, Positive }

/// <summary>The tone of one text.</summary>
/// <param name="Value">From −1 (very negative) to 1 (very positive); 0 when no sentiment word was found.</param>
public sealed record SentimentScore(double Value, SentimentLabel Label);
