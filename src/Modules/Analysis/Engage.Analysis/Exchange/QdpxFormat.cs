using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Engage.Analysis.Exchange;

/// <summary>
/// The REFI-QDA Project exchange file (.qdpx): a zip holding project.qde and each source's text as
/// sources/{guid}.txt, so an analysis moves between Engage and NVivo, ATLAS.ti, MAXQDA or QualCoder with its
/// codes, codings, attributes and memos. Text selections are counted in Unicode code points (spec §10.2) as a
/// half-open span, which is how QualCoder reads them and what the spec's own example shows.
/// </summary>
public static class QdpxFormat
{
    public const string Namespace = "urn:QDA-XML:project:1.0";

    /// <summary>What a read gives a project, coding or memo date that the file does not state.</summary>
    public static readonly DateTimeOffset UnknownTime = DateTimeOffset.MinValue;

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Dates are written to the whole second in UTC. <see cref="QdaProject.Skipped"/> is not written.</summary>
    /// <exception cref="ArgumentException">The project is inconsistent (see the message): Engage will not export a file it would refuse to read.</exception>
    public static void Write(QdaProject project, Stream output)
    {
        if (ProjectRules.Problems(project).FirstOrDefault() is { } problem)
            throw new ArgumentException(problem, nameof(project));

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // Stamped with the project's date rather than the clock, so one analysis always exports the same bytes.
        var stamp = project.CreatedAt.Year is >= 1980 and < 2108 ? project.CreatedAt : new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var qde = Entry(zip, "project.qde", stamp))
            ProjectXmlWriter.Write(project, qde);
        foreach (var source in project.Sources)
        {
            using var text = Entry(zip, "sources/" + ProjectXmlWriter.TextFileName(source.Id), stamp);
            text.Write(Utf8.GetBytes(source.Text));
        }
    }

    /// <summary>
    /// Reads the whole project or nothing. Text sources are read whether their text is inline or in the archive;
    /// pictures, PDFs, audio, video, sets, links and graphs are left out and listed in <see cref="QdaProject.Skipped"/>.
    /// </summary>
    /// <exception cref="ExchangeInputException">
    /// Not a .qdpx, a hostile archive or XML (DTDs, zip bombs, paths leaving the archive), more than
    /// <paramref name="limits"/> allow, or an inconsistent project (repeated ids, unknown codes or users, spans
    /// outside their text). The message says which, for the person who uploaded the file.
    /// </exception>
    public static QdaProject Read(Stream input, ExchangeLimits? limits = null)
    {
        limits ??= ExchangeLimits.Default;
        try
        {
            using var archive = SafeArchive.Open(input, limits);
            var entry = archive.Find("project.qde") ?? (archive.AtRoot(".qde").ToList() is [var only] ? only : null)
                ?? throw new ExchangeInputException(
                    "The archive has no project.qde, so it is not a REFI-QDA project. Export the project from your QDA " +
                    "software as 'REFI-QDA project (.qdpx)' and upload that file.");
            XDocument document;
            using (var qde = archive.Open(entry))
                document = SafeXml.Load(qde, entry.FullName);
            return ProjectXmlReader.Read(document, entry.FullName,
                file => archive.Find("sources/" + file) is { } text ? archive.ReadText(text) : null, limits);
        }
        catch (InvalidDataException e)
        {
            throw new ExchangeInputException($"The archive is damaged and cannot be unpacked: {e.Message}");
        }
    }

    static Stream Entry(ZipArchive zip, string name, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        return entry.Open();
    }
}
