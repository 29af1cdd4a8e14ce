namespace Engage.Analysis.Exchange;

/// <summary>
/// Ceilings on what one uploaded .qdpx may make Engage decompress and hold, so a crafted archive (a zip bomb,
/// millions of tiny entries) is refused before it exhausts memory or disk. The defaults sit well above a large
/// national exercise; tests lower them.
/// </summary>
public sealed record ExchangeLimits
{
    public static readonly ExchangeLimits Default = new();

    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Counted on the bytes actually inflated, never taken from the zip headers.</summary>
    public long MaxUncompressedBytes { get; init; } = 500L * 1024 * 1024;

    /// <summary>Inflated bytes per compressed byte of one entry; real text compresses well under 20:1.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public int MaxSources { get; init; } = 200_000;

    /// <summary>Code hierarchies deeper than this are refused rather than walked (no real codebook nests so deep).</summary>
    public int MaxCodeDepth { get; init; } = 64;
}
