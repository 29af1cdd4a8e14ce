namespace Engage.Analysis.Reliability;

/// <summary>
/// Codings laid out as yes / no / not judged for every code, unit and coder, so each code
/// (and all codes pooled) can be read as coders-by-units reliability data.
/// </summary>
internal sealed class JudgementTable
{
    private const sbyte NotJudged = -1, No = 0, Yes = 1;

    public IReadOnlyList<string> Coders { get; }
    public IReadOnlyList<string> Units { get; }
    public IReadOnlyList<string> Codes { get; }

    /// <summary>answers[code][unit * Coders.Count + coder].</summary>
    private readonly sbyte[][] _answers;

    private JudgementTable(IReadOnlyList<string> coders, IReadOnlyList<string> units, IReadOnlyList<string> codes, sbyte[][] answers)
    {
        Coders = coders;
        Units = units;
        Codes = codes;
        _answers = answers;
    }

    public static JudgementTable From(IEnumerable<Coding> codings)
    {
        var all = codings?.ToList() ?? throw new ReliabilityInputException("No codings were given.");
        foreach (var coding in all)
            if (string.IsNullOrEmpty(coding?.UnitId) || string.IsNullOrEmpty(coding.CoderId) || string.IsNullOrEmpty(coding.Code))
                throw new ReliabilityInputException("Every coding needs a unit id, a coder id and a code.");

        var coders = Index(all.Select(c => c.CoderId).Distinct().Order(StringComparer.Ordinal));
        var units = Index(all.Select(c => c.UnitId).Distinct());
        var codes = Index(all.Select(c => c.Code).Distinct().Order(StringComparer.Ordinal));
        var width = units.Count * coders.Count;

        var judged = new bool[width];
        var answers = new sbyte[codes.Count][];
        for (var code = 0; code < codes.Count; code++) Array.Fill(answers[code] = new sbyte[width], NotJudged);

        foreach (var coding in all)
        {
            var cell = units[coding.UnitId] * coders.Count + coders[coding.CoderId];
            var answer = coding.Present ? Yes : No;
            ref var recorded = ref answers[codes[coding.Code]][cell];
            if (recorded != NotJudged && recorded != answer)
                throw new ReliabilityInputException(
                    $"Coder '{coding.CoderId}' recorded code '{coding.Code}' on unit '{coding.UnitId}' both as present and as absent.");
            recorded = answer;
            judged[cell] = true;
        }

        // A coder who coded a unit at all has, by leaving a code out, said it does not apply.
        foreach (var codeAnswers in answers)
            for (var cell = 0; cell < width; cell++)
                if (judged[cell] && codeAnswers[cell] == NotJudged) codeAnswers[cell] = No;

        return new JudgementTable([.. coders.Keys], [.. units.Keys], [.. codes.Keys], answers);
    }

    /// <summary>One code as coders-by-units data: 1 present, 0 absent, null not judged.</summary>
    public IReadOnlyList<IReadOnlyList<double?>> Ratings(int code)
    {
        var rows = NewRows(Units.Count);
        for (var unit = 0; unit < Units.Count; unit++)
            for (var coder = 0; coder < Coders.Count; coder++)
                rows[coder][unit] = ValueOf(_answers[code][unit * Coders.Count + coder]);
        return rows;
    }

    /// <summary>All codes pooled: every (unit, code) pair is one unit of yes/no data.</summary>
    public IReadOnlyList<IReadOnlyList<double?>> PooledRatings()
    {
        var rows = NewRows(Units.Count * Codes.Count);
        for (var code = 0; code < Codes.Count; code++)
            for (var unit = 0; unit < Units.Count; unit++)
                for (var coder = 0; coder < Coders.Count; coder++)
                    rows[coder][code * Units.Count + unit] = ValueOf(_answers[code][unit * Coders.Count + coder]);
        return rows;
    }

    /// <summary>The units where coders who judged the code did not all give the same answer.</summary>
    public IReadOnlyList<CodeDisagreement> Disagreements(int code)
    {
        var disagreements = new List<CodeDisagreement>();
        var answers = _answers[code];
        for (var unit = 0; unit < Units.Count; unit++)
        {
            var cells = answers.AsSpan(unit * Coders.Count, Coders.Count);
            if (!(cells.Contains(Yes) && cells.Contains(No))) continue;

            var judgements = new List<CoderJudgement>(Coders.Count);
            for (var coder = 0; coder < Coders.Count; coder++)
                if (cells[coder] != NotJudged) judgements.Add(new CoderJudgement(Coders[coder], cells[coder] == Yes));
            disagreements.Add(new CodeDisagreement(Units[unit], Codes[code], judgements));
        }
        return disagreements;
    }

    private double?[][] NewRows(int columns)
    {
        var rows = new double?[Coders.Count][];
        for (var coder = 0; coder < rows.Length; coder++) rows[coder] = new double?[columns];
        return rows;
    }

    private static double? ValueOf(sbyte answer) => answer == NotJudged ? null : answer;

    /// <summary>Position of each id, in the order given (Dictionary keeps insertion order while nothing is removed).</summary>
    private static Dictionary<string, int> Index(IEnumerable<string> ids)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids) index.Add(id, index.Count);
        return index;
    }
}
