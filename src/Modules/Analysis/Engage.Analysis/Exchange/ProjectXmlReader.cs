using System.Xml.Linq;

namespace Engage.Analysis.Exchange;

/// <summary>
/// Turns an uploaded project.qde into a <see cref="QdaProject"/>, refusing anything inconsistent (repeated ids,
/// dangling references, selections outside their text) and noting in <see cref="QdaProject.Skipped"/> what Engage
/// has no place for.
/// </summary>
internal sealed class ProjectXmlReader
{
    static readonly XNamespace P = QdpxFormat.Namespace;
    const string Internal = "internal://";

    readonly XElement root;
    readonly Func<string, string?> internalText;
    readonly ExchangeLimits limits;
    readonly List<string> skipped = [];

    ProjectXmlReader(XElement root, Func<string, string?> internalText, ExchangeLimits limits)
    {
        this.root = root;
        this.internalText = internalText;
        this.limits = limits;
    }

    /// <param name="internalText">The text of sources/{file name}, or null when the archive has no such entry.</param>
    public static QdaProject Read(XDocument document, string fileName, Func<string, string?> internalText, ExchangeLimits limits)
    {
        var root = SafeXml.Root(document, P + "Project", fileName, "project");
        return new ProjectXmlReader(root, internalText, limits).Read();
    }

    QdaProject Read()
    {
        RefuseRepeatedIds();
        var sourceElements = root.Elements(P + "Sources").Elements().ToList();
        if (sourceElements.Count > limits.MaxSources)
            throw new ExchangeInputException(
                $"The project holds {RefiValues.Count(sourceElements.Count)} sources, more than the {RefiValues.Count(limits.MaxSources)} Engage accepts in one import.");

        var users = root.Elements(P + "Users").Elements(P + "User")
            .Select(u => new QdaUser(u.RequiredGuid("guid"), (string?)u.Attribute("name") ?? (string?)u.Attribute("id") ?? ""))
            .ToList();
        var codes = CodebookXml.Read(root.Element(P + "CodeBook")?.Element(P + "Codes"), P, limits.MaxCodeDepth);
        var variables = Variables();
        var caseValues = CaseValues(variables);
        var sources = sourceElements.Select(s => ReadSource(s, variables, caseValues)).OfType<QdaSource>().ToList();
        var notes = ReadNotes(sources.Select(s => s.Id).ToHashSet());
        foreach (var part in new[] { "Links", "Sets", "Graphs" }.Where(part => root.Element(P + part) is not null))
            skipped.Add($"The project's {part.ToLowerInvariant()} were left out: Engage has no place for them.");

        var project = new QdaProject((string?)root.Attribute("name") ?? "", root.OptionalDateTime("creationDateTime") ?? QdpxFormat.UnknownTime,
            users, codes, sources, notes) { Skipped = skipped };
        if (ProjectRules.Problems(project).FirstOrDefault() is { } problem)
            throw new ExchangeInputException(problem);
        return project;
    }

    /// <summary>Every guid attribute in the file names one thing; a repeat would make references ambiguous.</summary>
    void RefuseRepeatedIds()
    {
        var seen = new HashSet<Guid>();
        foreach (var element in root.DescendantsAndSelf().Where(e => e.Attribute("guid") is not null))
            if (!seen.Add(element.RequiredGuid("guid")))
                throw new ExchangeInputException(
                    $"The id {element.RequiredGuid("guid")} is used more than once (again on a <{element.Name.LocalName}>); " +
                    "REFI-QDA gives every user, code, source, selection, coding and memo its own.");
    }

    Dictionary<Guid, string> Variables() =>
        root.Elements(P + "Variables").Elements(P + "Variable").ToDictionary(v => v.RequiredGuid("guid"),
            v => (string?)v.Attribute("name") ?? throw new ExchangeInputException($"Variable {v.RequiredGuid("guid")} has no name."));

    /// <summary>Each source's variable values from the cases that contain it, in document order.</summary>
    Dictionary<Guid, List<(string Name, string Value)>> CaseValues(Dictionary<Guid, string> variables)
    {
        var bySource = new Dictionary<Guid, List<(string, string)>>();
        foreach (var @case in root.Elements(P + "Cases").Elements(P + "Case"))
        {
            var values = @case.Elements(P + "VariableValue").Select(v => Value(v, variables)).ToList();
            foreach (var source in @case.Elements(P + "SourceRef").Select(r => r.RequiredGuid("targetGUID")))
                (bySource.TryGetValue(source, out var list) ? list : bySource[source] = []).AddRange(values);
        }
        return bySource;
    }

    /// <summary>Engage keeps attributes as text, so a typed value (boolean, number, date) keeps its written form.</summary>
    static (string Name, string Value) Value(XElement variableValue, Dictionary<Guid, string> variables)
    {
        var target = variableValue.Element(P + "VariableRef")?.RequiredGuid("targetGUID")
            ?? throw new ExchangeInputException("A variable value names no variable (it has no <VariableRef>).");
        var name = variables.GetValueOrDefault(target)
            ?? throw new ExchangeInputException($"A variable value refers to variable {target}, which is not among the project's variables.");
        var value = variableValue.Elements().FirstOrDefault(e => e.Name != P + "VariableRef");
        return (name, value is null ? "" : value.Name == P + "TextValue" ? value.Value : value.Value.Trim());
    }

    QdaSource? ReadSource(XElement element, Dictionary<Guid, string> variables, Dictionary<Guid, List<(string Name, string Value)>> caseValues)
    {
        var id = element.RequiredGuid("guid");
        var name = (string?)element.Attribute("name") ?? RefiValues.Guid(id);
        if (element.Name != P + "TextSource")
        {
            skipped.Add($"{element.Name.LocalName} '{name}' was left out: Engage reads text sources only.");
            return null;
        }
        if (Text(element, $"Source '{name}'") is not { } text)
        {
            skipped.Add($"Text source '{name}' was left out: its plain text is not inside the archive.");
            return null;
        }

        var offsets = new CodePoints(text);
        var codings = new List<QdaCoding>();
        foreach (var selection in element.Elements(P + "PlainTextSelection"))
        {
            int start = selection.RequiredInteger("startPosition"), end = selection.RequiredInteger("endPosition");
            if (start < 0 || end < start || end > offsets.Length)
                throw new ExchangeInputException(
                    $"Selection {selection.RequiredGuid("guid")} in source '{name}' runs from {start} to {end}, but the text has " +
                    $"{offsets.Length} characters (counted in Unicode code points, as REFI-QDA does).");
            codings.AddRange(selection.Elements(P + "Coding")
                .Select(c => ReadCoding(c, selection, name, offsets.ToUtf16(start), offsets.ToUtf16(end))));
        }
        codings.AddRange(element.Elements(P + "Coding").Select(c => ReadCoding(c, null, name, null, null)));

        // A value set on the source itself is more specific than its case's; otherwise the first case to give one wins.
        var attributes = new Dictionary<string, string>();
        foreach (var (variable, value) in element.Elements(P + "VariableValue").Select(v => Value(v, variables))
                     .Concat(caseValues.GetValueOrDefault(id) ?? []))
            attributes.TryAdd(variable, value);
        return new QdaSource(id, name, text, attributes, codings);
    }

    /// <summary>
    /// Who coded and when may sit on the coding, on its selection or only on the project; Engage needs a coder,
    /// so a coding with none anywhere is refused. A coding with no date anywhere gets <see cref="QdpxFormat.UnknownTime"/>.
    /// </summary>
    QdaCoding ReadCoding(XElement coding, XElement? selection, string sourceName, int? start, int? end)
    {
        var id = coding.RequiredGuid("guid");
        var code = coding.Element(P + "CodeRef")?.RequiredGuid("targetGUID")
            ?? throw new ExchangeInputException($"Coding {id} in source '{sourceName}' names no code (it has no <CodeRef>).");
        var coder = coding.OptionalGuid("creatingUser") ?? selection?.OptionalGuid("creatingUser") ?? root.OptionalGuid("creatingUserGUID")
            ?? throw new ExchangeInputException(
                $"Coding {id} in source '{sourceName}' does not say which user made it, and the project names no creating user either.");
        var at = coding.OptionalDateTime("creationDateTime") ?? selection?.OptionalDateTime("creationDateTime")
            ?? root.OptionalDateTime("creationDateTime") ?? QdpxFormat.UnknownTime;
        return new QdaCoding(id, code, coder, at, start, end);
    }

    /// <summary>
    /// A memo is about the first source or code that refers to it (a reference from a selection or coding counts
    /// for its source); one nothing refers to, or only the project, is a project memo.
    /// </summary>
    List<QdaNote> ReadNotes(HashSet<Guid> sourcesRead)
    {
        var noteElements = root.Elements(P + "Notes").Elements(P + "Note").ToList();
        var noteIds = noteElements.Select(n => n.RequiredGuid("guid")).ToHashSet();
        var aboutSource = new Dictionary<Guid, Guid>();
        var aboutCode = new Dictionary<Guid, Guid>();
        foreach (var reference in root.Descendants(P + "NoteRef"))
        {
            var target = reference.RequiredGuid("targetGUID");
            if (!noteIds.Contains(target))
                throw new ExchangeInputException($"A <{reference.Parent!.Name.LocalName}> refers to memo {target}, which is not among the project's notes.");
            var source = reference.Ancestors(P + "TextSource").Select(s => s.RequiredGuid("guid")).Where(sourcesRead.Contains)
                .Cast<Guid?>().FirstOrDefault();
            if (reference.Parent!.Name == P + "Code")
                aboutCode.TryAdd(target, reference.Parent.RequiredGuid("guid"));
            else if (source is { } about)
                aboutSource.TryAdd(target, about);
        }

        var notes = new List<QdaNote>();
        foreach (var note in noteElements)
        {
            var id = note.RequiredGuid("guid");
            var name = (string?)note.Attribute("name") ?? "";
            if (Text(note, $"Memo '{name}'") is not { } text)
            {
                skipped.Add($"Memo '{name}' was left out: its text is not inside the archive.");
                continue;
            }
            notes.Add(new QdaNote(id, name, text, note.OptionalGuid("creatingUser"), note.OptionalDateTime("creationDateTime"),
                aboutSource.TryGetValue(id, out var s) ? s : null, aboutCode.TryGetValue(id, out var c) ? c : null));
        }
        return notes;
    }

    /// <summary>
    /// The plain text held inline or in the archive's sources folder; null when it lives outside the archive
    /// (relative:// or absolute://) or there is none. A path that tries to leave the sources folder is refused.
    /// </summary>
    string? Text(XElement element, string what)
    {
        if (element.Element(P + "PlainTextContent") is { } inline) return inline.Value;
        var path = (string?)element.Attribute("plainTextPath");
        if (path is null || !path.StartsWith(Internal, StringComparison.OrdinalIgnoreCase)) return null;
        var file = path[Internal.Length..];
        if (file.Length == 0 || file is "." or ".." || file.IndexOfAny(['/', '\\', ':', '\0']) >= 0)
            throw new ExchangeInputException(
                $"{what} points to '{path}', which is not a file in the archive's sources folder. Engage does not follow such paths.");
        return internalText(file) ?? throw new ExchangeInputException(
            $"{what} points to '{path}', but the archive has no sources/{file}.");
    }
}
