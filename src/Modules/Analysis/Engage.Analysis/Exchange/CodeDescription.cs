namespace Engage.Analysis.Exchange;

/// <summary>
/// REFI-QDA gives a code one free-text Description, while Engage keeps a definition, inclusion and exclusion
/// criteria and an example. They travel as a readable block (the definition, then labelled lines) so that an
/// analyst in NVivo or MAXQDA can read them, and Engage can split them again on import.
/// </summary>
public static class CodeDescription
{
    const string Inclusion = "Include when:";
    const string Exclusion = "Exclude when:";
    const string Example = "Example:";

    public static string Compose(string definition, string inclusion, string exclusion, string example)
    {
        var labelled = new[] { (Inclusion, inclusion), (Exclusion, exclusion), (Example, example) }
            .Where(field => !string.IsNullOrWhiteSpace(field.Item2))
            .Select(field => $"{field.Item1} {field.Item2.Trim()}");
        var criteria = string.Join('\n', labelled);
        var head = definition.Trim();
        return head.Length == 0 ? criteria : criteria.Length == 0 ? head : $"{head}\n\n{criteria}";
    }

    /// <summary>
    /// A line starting with a label opens that field and the lines after it continue it; everything before the
    /// first label is the definition, so text from tools that use no labels becomes the definition whole.
    /// </summary>
    public static (string Definition, string Inclusion, string Exclusion, string Example) Parse(string? description)
    {
        var fields = new List<string>[] { [], [], [], [] };
        var current = 0;
        foreach (var line in (description ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var (field, rest) = Label(line);
            if (field > 0) current = field;
            fields[current].Add(field > 0 ? rest : line);
        }
        var text = fields.Select(lines => string.Join('\n', lines).Trim()).ToArray();
        return (text[0], text[1], text[2], text[3]);
    }

    static (int Field, string Remainder) Label(string line)
    {
        string[] labels = [Inclusion, Exclusion, Example];
        for (var i = 0; i < labels.Length; i++)
            if (line.StartsWith(labels[i], StringComparison.OrdinalIgnoreCase))
                return (i + 1, line[labels[i].Length..]);
        return (0, line);
    }
}
