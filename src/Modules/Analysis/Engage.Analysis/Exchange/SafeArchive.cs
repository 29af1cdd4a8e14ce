using System.IO.Compression;
using System.Text;

namespace Engage.Analysis.Exchange;

/// <summary>
/// A .qdpx opened for reading with every entry name vetted and every inflated byte counted against
/// <see cref="ExchangeLimits"/>, so a hostile archive is refused before it can exhaust memory.
/// </summary>
internal sealed class SafeArchive : IDisposable
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    readonly ZipArchive zip;
    readonly ExchangeLimits limits;
    readonly long archiveLength;
    readonly Dictionary<string, ZipArchiveEntry> entries;
    long inflated;

    SafeArchive(ZipArchive zip, ExchangeLimits limits, long archiveLength)
    {
        this.zip = zip;
        this.limits = limits;
        this.archiveLength = archiveLength;
        entries = new(StringComparer.OrdinalIgnoreCase);
    }

    public static SafeArchive Open(Stream input, ExchangeLimits limits)
    {
        var seekable = input.CanSeek ? input : Buffer(input, limits);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ExchangeInputException(
                "The file is not a .qdpx archive (it is not a zip file). Export the project from your QDA software as " +
                "'REFI-QDA project (.qdpx)' and upload that file.");
        }
        var archive = new SafeArchive(zip, limits, seekable.Length);
        try
        {
            archive.Vet();
            return archive;
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>Case-insensitive: the spec itself shows "Sources/….TXT" for "internal://….txt".</summary>
    public ZipArchiveEntry? Find(string name) => entries.GetValueOrDefault(name);

    /// <summary>The root-level entries whose names end with <paramref name="extension"/>.</summary>
    public IEnumerable<ZipArchiveEntry> AtRoot(string extension) =>
        entries.Values.Where(e => !e.FullName.Contains('/') && e.FullName.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    public Stream Open(ZipArchiveEntry entry)
    {
        var ceiling = (long)limits.MaxCompressionRatio * Math.Max(1, Math.Min(entry.CompressedLength, archiveLength));
        long entryBytes = 0;
        Stream raw;
        try
        {
            raw = entry.Open();
        }
        catch (InvalidDataException e)
        {
            throw new ExchangeInputException($"The archive entry '{entry.FullName}' cannot be opened: {e.Message}");
        }
        return new CountingStream(raw, read =>
        {
            entryBytes += read;
            inflated += read;
            if (inflated > limits.MaxUncompressedBytes)
                throw new ExchangeInputException(
                    $"The archive unpacks to more than {RefiValues.Size(limits.MaxUncompressedBytes)}, the most Engage accepts. " +
                    "Split the project or leave large media out of the export.");
            if (entryBytes > ceiling)
                throw new ExchangeInputException(
                    $"The archive entry '{entry.FullName}' unpacks to more than {limits.MaxCompressionRatio} times its packed size, " +
                    "which real exports never do; Engage refuses it as a possible zip bomb.");
        });
    }

    /// <summary>The entry's text, which REFI-QDA requires to be UTF-8; a byte order mark is not part of it.</summary>
    public string ReadText(ZipArchiveEntry entry)
    {
        using var stream = Open(entry);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var span = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[Encoding.UTF8.Preamble.Length..];
        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw new ExchangeInputException(
                $"The archive entry '{entry.FullName}' is not UTF-8 text, as REFI-QDA requires for plain text sources.");
        }
    }

    public void Dispose() => zip.Dispose();

    void Vet()
    {
        if (zip.Entries.Count > limits.MaxEntries)
            throw new ExchangeInputException(
                $"The archive holds {RefiValues.Count(zip.Entries.Count)} entries, more than the {RefiValues.Count(limits.MaxEntries)} Engage accepts.");
        foreach (var entry in zip.Entries)
        {
            if (!IsInside(entry.FullName))
                throw new ExchangeInputException(
                    $"The archive holds an entry named '{entry.FullName}', a path that points outside the archive " +
                    "(absolute, with '..' or with backslashes). Engage refuses such archives.");
            if (!entries.TryAdd(entry.FullName, entry))
                throw new ExchangeInputException(
                    $"The archive holds the entry '{entry.FullName}' more than once (names differing only in case count as the same).");
        }
    }

    /// <summary>A relative, forward-slash path with no step up, no drive and no empty or dot segments.</summary>
    internal static bool IsInside(string path)
    {
        if (path.Length == 0 || path.Contains('\\') || path.Contains(':') || path.Contains('\0') || path.StartsWith('/'))
            return false;
        var segments = (path.EndsWith('/') ? path[..^1] : path).Split('/');
        return segments.All(s => s.Length > 0 && s != "." && s != "..");
    }

    static MemoryStream Buffer(Stream input, ExchangeLimits limits)
    {
        var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk)) > 0)
        {
            if (copy.Length + read > limits.MaxUncompressedBytes)
                throw new ExchangeInputException(
                    $"The file is larger than {RefiValues.Size(limits.MaxUncompressedBytes)}, the most Engage accepts.");
            copy.Write(chunk, 0, read);
        }
        copy.Position = 0;
        return copy;
    }
}
