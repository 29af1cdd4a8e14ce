using Engage.Analysis.Codebooks;
using Engage.Platform.Web;
using Marten;

namespace Engage.Analysis.Coding;

/// <summary>A code as the picker offers it: its place in the hierarchy written out ("Workforce › Career progression").</summary>
public sealed record CodeChoice(Guid Id, string Path, string Colour, bool Recent);

/// <summary>
/// Finding a code by typing part of its name. Nothing is chosen until the analyst types: a preselected
/// code invites mis-coding. The analyst's own recently used codes come first, then the codebook's order.
/// </summary>
public static class CodePicker
{
    public const int RecentCount = 5;

    public static IReadOnlyList<CodeChoice> Choices(CodebookView codebook, IReadOnlyList<Guid> recent)
    {
        var active = codebook.Codes.Where(c => !c.Retired).ToList();
        var byId = codebook.Codes.ToDictionary(c => c.Id);
        string PathOf(CodeView code)
        {
            var names = new List<string> { code.Name };
            for (var up = code.ParentId; up is { } p && byId.TryGetValue(p, out var parent) && names.Count < 20; up = parent.ParentId) names.Insert(0, parent.Name);
            return string.Join(" › ", names);
        }
        var first = recent.Where(id => active.Any(c => c.Id == id)).Distinct().Take(RecentCount).ToList();
        return [.. first.Select(id => byId[id]).Select(c => new CodeChoice(c.Id, PathOf(c), c.Colour, true)),
            .. active.Where(c => !first.Contains(c.Id)).Select(c => new CodeChoice(c.Id, PathOf(c), c.Colour, false))];
    }

    /// <summary>
    /// The code the analyst typed: its full path, its name, or a part of its name that only one code has.
    /// </summary>
    /// <exception cref="RuleBroken">Nothing typed, nothing matches, or several codes match.</exception>
    public static Guid Resolve(IReadOnlyList<CodeChoice> choices, string? typed)
    {
        var text = typed?.Trim() ?? "";
        RuleBroken.Unless(text.Length > 0, "Type the name of the code to apply (part of it is enough).");
        var exact = choices.Where(c => string.Equals(c.Path, text, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(c.Path.Split(" › ")[^1], text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1) return exact[0].Id;
        var partial = choices.Where(c => c.Path.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        RuleBroken.Unless(partial.Count > 0, $"No active code's name contains \"{text}\".");
        RuleBroken.Unless(partial.Count == 1,
            $"\"{text}\" matches {partial.Count} codes ({string.Join(", ", partial.Take(5).Select(c => c.Path))}{(partial.Count > 5 ? ", ..." : "")}): type more of the name.");
        return partial[0].Id;
    }

    /// <summary>The codes this analyst applied most recently in the corpus, newest first.</summary>
    public static async Task<IReadOnlyList<Guid>> RecentOf(IQuerySession session, Guid corpusId, Guid analyst) =>
        (await session.CodingsOf(corpusId).Where(c => c.CoderId == analyst).OrderByDescending(c => c.At).Take(200)
            .Select(c => c.CodeId).ToListAsync()).Distinct().Take(RecentCount).ToList();
}
