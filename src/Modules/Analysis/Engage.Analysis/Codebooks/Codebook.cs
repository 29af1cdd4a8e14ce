namespace Engage.Analysis.Codebooks;

/// <summary>A code as analysts define it. Colour is "#RRGGBB". A retired code keeps its codings but takes no new ones.</summary>
public sealed record CodeDefinition(Guid Id, Guid? ParentId, string Name, string Definition, string Inclusion, string Exclusion,
    string Example, string Colour, bool Retired = false);

public sealed record CodeAdded(Guid CorpusId, CodeDefinition Code, Guid By, DateTimeOffset At);
public sealed record CodeRevised(Guid CorpusId, CodeDefinition Code, Guid By, DateTimeOffset At);
public sealed record CodeRetired(Guid CorpusId, Guid CodeId, Guid By, DateTimeOffset At);
/// <summary>An analyst moved a code one place up or down among its siblings: the codebook's order is the analysts' choice.</summary>
public sealed record CodeMoved(Guid CorpusId, Guid CodeId, string Direction, Guid By, DateTimeOffset At);
/// <summary>Codes read from a REFI-QDA codebook, added as one change (one new version).</summary>
public sealed record CodesImported(Guid CorpusId, IReadOnlyList<CodeDefinition> Codes, Guid By, DateTimeOffset At);

/// <summary>
/// A corpus's codebook: the event stream (id = corpus id) folded into its current state. The stream
/// version is the codebook version, so every change makes a new version, any earlier version can be
/// rebuilt, and each coding records the version it was made under.
/// </summary>
public class Codebook
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public List<CodeDefinition> Codes { get; set; } = [];
    public DateTimeOffset? ChangedAt { get; set; }

    public CodeDefinition? CodeOf(Guid id) => Codes.FirstOrDefault(c => c.Id == id);
    public IEnumerable<CodeDefinition> Active => Codes.Where(c => !c.Retired);

    /// <summary>The top-level code a code sits under (itself when it has no parent): the theme it counts towards.</summary>
    public CodeDefinition ThemeOf(CodeDefinition code)
    {
        var current = code;
        for (var depth = 0; current.ParentId is { } parent && CodeOf(parent) is { } up && depth < 100; depth++) current = up;
        return current;
    }

    public bool IsWithin(Guid codeId, Guid ancestorId)
    {
        for (var current = CodeOf(codeId); current is not null; current = current.ParentId is { } p ? CodeOf(p) : null)
            if (current.Id == ancestorId) return true;
        return false;
    }

    public void Apply(CodeAdded e) => Change(e.CorpusId, e.At, () => Codes.Add(e.Code));
    public void Apply(CodeRevised e) => Change(e.CorpusId, e.At, () => Codes[Codes.FindIndex(c => c.Id == e.Code.Id)] = e.Code);
    public void Apply(CodeRetired e) => Change(e.CorpusId, e.At, () =>
    {
        var i = Codes.FindIndex(c => c.Id == e.CodeId);
        Codes[i] = Codes[i] with { Retired = true };
    });
    /// <summary>Swaps the code with its nearest sibling (same parent) in that direction; the list order is the codebook's order.</summary>
    public void Apply(CodeMoved e) => Change(e.CorpusId, e.At, () =>
    {
        var at = Codes.FindIndex(c => c.Id == e.CodeId);
        if (at < 0) return;
        var parent = Codes[at].ParentId;
        var step = e.Direction == "up" ? -1 : 1;
        for (var other = at + step; other >= 0 && other < Codes.Count; other += step)
        {
            if (Codes[other].ParentId != parent || Codes[other].Retired) continue;
            (Codes[at], Codes[other]) = (Codes[other], Codes[at]);
            return;
        }
    });

    /// <summary>The sibling a move would swap with, or null at the end of the list.</summary>
    public CodeDefinition? NeighbourOf(Guid codeId, string direction)
    {
        var at = Codes.FindIndex(c => c.Id == codeId);
        if (at < 0) return null;
        var step = direction == "up" ? -1 : 1;
        for (var other = at + step; other >= 0 && other < Codes.Count; other += step)
            if (Codes[other].ParentId == Codes[at].ParentId && !Codes[other].Retired) return Codes[other];
        return null;
    }

    public void Apply(CodesImported e) => Change(e.CorpusId, e.At, () => Codes.AddRange(e.Codes));

    private void Change(Guid corpusId, DateTimeOffset at, Action change)
    {
        Id = corpusId;
        ChangedAt = at;
        change();
    }
}
