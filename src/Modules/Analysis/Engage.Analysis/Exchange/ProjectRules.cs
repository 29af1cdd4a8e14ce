namespace Engage.Analysis.Exchange;

/// <summary>
/// What must hold for a project to be a consistent REFI-QDA file: one identity per thing, every coding pointing
/// at a known code and coder within its text, every memo attached to something that exists. Writing checks it so
/// Engage never exports a file it would itself refuse; reading checks it so no dangling id reaches Engage.
/// </summary>
internal static class ProjectRules
{
    public static IEnumerable<string> Problems(QdaProject project)
    {
        var codes = Flatten(project.Codes).ToList();
        var codeIds = codes.Select(c => c.Id).ToHashSet();
        var userIds = project.Users.Select(u => u.Id).ToHashSet();
        var sourceIds = project.Sources.Select(s => s.Id).ToHashSet();

        var ids = project.Users.Select(u => u.Id).Concat(codeIds).Concat(project.Sources.Select(s => s.Id))
            .Concat(project.Sources.SelectMany(s => s.Codings).Select(c => c.Id)).Concat(project.Notes.Select(n => n.Id));
        foreach (var problem in Duplicates(ids).Concat(CodeProblems(codes))) yield return problem;

        foreach (var source in project.Sources)
        foreach (var coding in source.Codings)
        {
            var where = $"Coding {coding.Id} in source '{source.Name}'";
            if (!codeIds.Contains(coding.CodeId))
                yield return $"{where} refers to code {coding.CodeId}, which is not in the codebook.";
            if (!userIds.Contains(coding.CoderId))
                yield return $"{where} was made by user {coding.CoderId}, who is not among the project's users.";
            if (coding.Start is null != coding.End is null)
                yield return $"{where} has a start without an end or an end without a start.";
            else if (coding is { Start: { } start, End: { } end } && (start < 0 || end < start || end > source.Text.Length))
                yield return $"{where} spans [{start}, {end}), outside the source's {source.Text.Length} characters.";
        }

        foreach (var note in project.Notes)
        {
            if (note.AboutSourceId is { } s && !sourceIds.Contains(s))
                yield return $"Memo '{note.Name}' is attached to source {s}, which is not in the project.";
            if (note.AboutCodeId is { } c && !codeIds.Contains(c))
                yield return $"Memo '{note.Name}' is attached to code {c}, which is not in the codebook.";
            if (note.CreatorId is { } u && !userIds.Contains(u))
                yield return $"Memo '{note.Name}' was written by user {u}, who is not among the project's users.";
        }
    }

    public static IEnumerable<string> CodebookProblems(IReadOnlyList<QdaCode> codes)
    {
        var all = Flatten(codes).ToList();
        return Duplicates(all.Select(c => c.Id)).Concat(CodeProblems(all));
    }

    public static IEnumerable<QdaCode> Flatten(IEnumerable<QdaCode> codes) =>
        codes.SelectMany(c => Flatten(c.Children).Prepend(c));

    static IEnumerable<string> CodeProblems(IEnumerable<QdaCode> codes) =>
        codes.Where(c => c.Colour is not null && RefiValues.Colour(c.Colour) is null)
            .Select(c => $"Code '{c.Name}' has the colour '{c.Colour}', which is not of the form #RRGGBB.");

    static IEnumerable<string> Duplicates(IEnumerable<Guid> ids) =>
        ids.GroupBy(id => id).Where(g => g.Count() > 1)
            .Select(g => $"The id {g.Key} is given to more than one user, code, source, coding or memo; each needs its own.");
}
