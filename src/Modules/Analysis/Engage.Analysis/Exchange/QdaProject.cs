namespace Engage.Analysis.Exchange;

/// <summary>
/// A qualitative analysis as REFI-QDA (QDA-XML 1.0) sees it: what Engage exports to NVivo, ATLAS.ti, MAXQDA
/// or QualCoder and what it reads back from them.
/// </summary>
public sealed record QdaProject(string Name, DateTimeOffset CreatedAt, IReadOnlyList<QdaUser> Users, IReadOnlyList<QdaCode> Codes,
    IReadOnlyList<QdaSource> Sources, IReadOnlyList<QdaNote> Notes)
{
    /// <summary>
    /// What a read left out because Engage has no place for it (pictures, PDFs, audio, sets, links...), one line each,
    /// so the importing analyst can be told, as REFI-QDA asks of importers. Ignored on write.
    /// </summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

public sealed record QdaUser(Guid Id, string Name);

/// <summary>Colour "#RRGGBB" or null. Description is free text (see <see cref="CodeDescription"/>).</summary>
public sealed record QdaCode(Guid Id, string Name, bool IsCodable, string? Colour, string? Description, IReadOnlyList<QdaCode> Children);

/// <summary>
/// Attributes become REFI Variables + one Case per source (variable values as text).
/// Text indices are .NET string (UTF-16) indices.
/// </summary>
public sealed record QdaSource(Guid Id, string Name, string Text, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<QdaCoding> Codings);

/// <summary>Start/End null = the whole source; otherwise a half-open span [Start, End) in UTF-16 indices of Text.</summary>
public sealed record QdaCoding(Guid Id, Guid CodeId, Guid CoderId, DateTimeOffset CreatedAt, int? Start, int? End);

/// <summary>A memo; About* says what it is attached to (a source, a code, or neither = project memo).</summary>
public sealed record QdaNote(Guid Id, string Name, string Text, Guid? CreatorId, DateTimeOffset? CreatedAt, Guid? AboutSourceId, Guid? AboutCodeId);

/// <summary>An uploaded exchange file Engage will not read; the message says why in words the uploader can act on.</summary>
public sealed class ExchangeInputException(string message) : Exception(message);
