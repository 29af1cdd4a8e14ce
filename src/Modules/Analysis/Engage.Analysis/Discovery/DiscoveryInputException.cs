namespace Engage.Analysis.Discovery;

/// <summary>The corpus cannot be analysed as asked; the message says why in words an analyst can act on.</summary>
public sealed class DiscoveryInputException(string message) : Exception(message)
{
    internal static void ThrowIfInvalid(IReadOnlyList<TextItem> items, int? themeCount)
    {
        if (items.Count == 0)
            throw new DiscoveryInputException("The corpus is empty: there are no contributions to find themes in.");
        if (themeCount is { } k)
        {
            if (k < 1)
                throw new DiscoveryInputException($"The number of themes must be at least 1 (asked for {k}).");
            if (items.Count < k)
                throw new DiscoveryInputException(
                    $"The corpus has {Engage.Platform.Wording.Words.Count(items.Count, "contribution")}, fewer than the {k} themes asked for.");
        }
    }
}
