using Engage.Analysis.Reliability;

namespace Engage.UnitTests.Reliability;

/// <summary>Reliability data from published worked examples, as coders-by-units rows (null = not judged).</summary>
internal static class PublishedExamples
{
    /// <summary>
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders, 12 units,
    /// missing values. Reported: nominal .743, ordinal .815, interval .849, ratio .797.
    /// </summary>
    public static readonly double?[][] FourCodersTwelveUnits =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    /// <summary>Krippendorff (2004) section 11.3.1: two coders, ten units, binary. Reported alpha .095.</summary>
    public static readonly double?[][] TwoCodersBinary =
    [
        [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
    ];

    /// <summary>Wikipedia's "Krippendorff's alpha" computational example: 3 coders, 15 units. Nominal alpha .691.</summary>
    public static readonly double?[][] ThreeCodersFifteenUnits =
    [
        [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
        [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
        [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
    ];

    /// <summary>Wikipedia's "Fleiss' kappa" worked example: 10 units, 14 raters, 5 categories. Kappa .210.</summary>
    public static readonly int[][] FourteenRatersTenUnits =
    [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];

    /// <summary>
    /// Fleiss (1971) table 1: psychiatric diagnoses (categories 1-5) of 30 patients, 6 ratings each,
    /// as distributed in R's irr package (`diagnoses`). Fleiss reports kappa .430.
    /// </summary>
    public static readonly int[][] SixRatingsThirtyPatients =
    [
        [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
        [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
        [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
        [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
        [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ];

    /// <summary>
    /// Wikipedia's "Cohen's kappa" example: 50 grant proposals, two readers: 20 yes/yes, 5 yes/no,
    /// 10 no/yes, 15 no/no. P_o = .70, P_e = .50, kappa = .40.
    /// </summary>
    public static double?[][] FiftyProposals()
    {
        const double yes = 1, no = 0;
        IEnumerable<(double, double)> Repeat(double a, double b, int times) => Enumerable.Repeat((a, b), times);
        var pairs = Repeat(yes, yes, 20).Concat(Repeat(yes, no, 5)).Concat(Repeat(no, yes, 10)).Concat(Repeat(no, no, 15)).ToList();
        return [pairs.Select(p => (double?)p.Item1).ToArray(), pairs.Select(p => (double?)p.Item2).ToArray()];
    }

    /// <summary>A units-by-raters table turned into raters-by-units rows.</summary>
    public static double?[][] AsCoderRows(int[][] unitsByRaters) =>
        Enumerable.Range(0, unitsByRaters[0].Length)
            .Select(rater => unitsByRaters.Select(unit => (double?)unit[rater]).ToArray())
            .ToArray();
}

public class krippendorff_alpha
{
    [Theory]
    [InlineData(LevelOfMeasurement.Nominal, 0.743)]
    [InlineData(LevelOfMeasurement.Ordinal, 0.815)]
    [InlineData(LevelOfMeasurement.Interval, 0.849)]
    [InlineData(LevelOfMeasurement.Ratio, 0.797)]
    public void Krippendorff_alpha_reproduces_the_2011_worked_example_with_missing_data(LevelOfMeasurement level, double published)
    {
        var result = KrippendorffAlpha.Compute(PublishedExamples.FourCodersTwelveUnits, level);

        Assert.Equal(published, Math.Round(result.Alpha!.Value, 3));
        Assert.Equal(4, result.Coders);
        Assert.Equal(12, result.Units);
        Assert.Equal(11, result.PairableUnits); // unit 12 has a single value
        Assert.Equal(40, result.PairableValues);
    }

    [Fact]
    public void Krippendorff_alpha_reproduces_the_2011_nominal_example_step_by_step()
    {
        // Nominal alpha = 1 − (n − 1) Σ_(c≠k) o_ck / (n² − Σ n_c²). Pairable values n = 40 with marginals
        // n_1..n_5 = 9, 13, 10, 5, 3; off-diagonal coincidences 8 (units 2 and 8 give 2 each, unit 6 gives 4).
        var result = KrippendorffAlpha.Compute(PublishedExamples.FourCodersTwelveUnits, LevelOfMeasurement.Nominal);

        Assert.Equal(1 - 39.0 * 8 / (40.0 * 40 - (9 * 9 + 13 * 13 + 10 * 10 + 5 * 5 + 3 * 3)), result.Alpha!.Value, 12);
    }

    [Fact]
    public void Krippendorff_alpha_reproduces_the_two_coder_binary_example()
    {
        var result = KrippendorffAlpha.Compute(PublishedExamples.TwoCodersBinary, LevelOfMeasurement.Nominal);

        Assert.Equal(0.095, Math.Round(result.Alpha!.Value, 3));
        Assert.Equal(1 - 19.0 * 4 / (14 * 6), result.Alpha.Value, 12);
    }

    [Fact]
    public void Krippendorff_alpha_reproduces_the_three_coder_nominal_example_with_missing_data()
    {
        var result = KrippendorffAlpha.Compute(PublishedExamples.ThreeCodersFifteenUnits, LevelOfMeasurement.Nominal);

        Assert.Equal(0.691, Math.Round(result.Alpha!.Value, 3));
        Assert.Equal(12, result.PairableUnits);

        // Not in the article; the `krippendorff` Python package's own test gives 0.810845 for these data.
        var interval = KrippendorffAlpha.Compute(PublishedExamples.ThreeCodersFifteenUnits, LevelOfMeasurement.Interval);
        Assert.Equal(0.810845, Math.Round(interval.Alpha!.Value, 6));
    }

    [Fact]
    public void Ordinal_alpha_on_labels_in_rank_order_matches_the_numeric_example()
    {
        string?[] Row(params double?[] values) =>
            values.Select(v => v is { } x ? new[] { "very low", "low", "mid", "high", "very high" }[(int)x - 1] : null).ToArray();
        var labels = PublishedExamples.FourCodersTwelveUnits.Select(row => (IReadOnlyList<string?>)Row(row)).ToList();

        var labelled = CategoryLabels.ToRatings(labels, ["very low", "low", "mid", "high", "very high"]);

        Assert.Equal(0.815, Math.Round(KrippendorffAlpha.Compute(labelled.Ratings, LevelOfMeasurement.Ordinal).Alpha!.Value, 3));
        Assert.Equal(0.743, Math.Round(KrippendorffAlpha.Compute(labelled.Ratings, LevelOfMeasurement.Nominal).Alpha!.Value, 3));
    }

    [Fact]
    public void Perfect_agreement_gives_alpha_one_at_every_level_whatever_is_missing()
    {
        var random = new Random(20260513);
        for (var trial = 0; trial < 50; trial++)
        {
            var coders = random.Next(2, 7);
            var truth = Enumerable.Range(0, random.Next(2, 40)).Select(_ => (double)random.Next(0, 6)).ToArray();
            truth[0] = 0; truth[1] = 5; // at least two different values, or alpha is undefined
            var ratings = Enumerable.Range(0, coders)
                .Select(coder => truth.Select((value, unit) => unit < 2 || random.NextDouble() > 0.3 ? value : (double?)null).ToArray())
                .ToArray();

            foreach (var level in Enum.GetValues<LevelOfMeasurement>())
                Assert.Equal(1.0, KrippendorffAlpha.Compute(ratings, level).Alpha!.Value, 12);
            Assert.Equal(1.0, PercentAgreement.Compute(ratings), 12);
        }
    }

    [Fact]
    public void Alpha_depends_on_neither_the_order_of_coders_nor_of_units()
    {
        var data = PublishedExamples.FourCodersTwelveUnits;
        var reordered = data.Reverse().Select(row => row.Reverse().ToArray()).ToArray();

        foreach (var level in Enum.GetValues<LevelOfMeasurement>())
            Assert.Equal(KrippendorffAlpha.Compute(data, level).Alpha!.Value, KrippendorffAlpha.Compute(reordered, level).Alpha!.Value, 12);
    }

    [Fact]
    public void Ordinal_alpha_keeps_only_the_order_and_interval_alpha_survives_a_change_of_unit()
    {
        var data = PublishedExamples.FourCodersTwelveUnits;
        double?[][] Map(Func<double, double> f) => data.Select(row => row.Select(v => v is { } x ? f(x) : (double?)null).ToArray()).ToArray();

        var ordinal = KrippendorffAlpha.Compute(data, LevelOfMeasurement.Ordinal).Alpha!.Value;
        Assert.Equal(ordinal, KrippendorffAlpha.Compute(Map(x => Math.Exp(x)), LevelOfMeasurement.Ordinal).Alpha!.Value, 12);

        var interval = KrippendorffAlpha.Compute(data, LevelOfMeasurement.Interval).Alpha!.Value;
        Assert.Equal(interval, KrippendorffAlpha.Compute(Map(x => 10 * x - 3), LevelOfMeasurement.Interval).Alpha!.Value, 12);
    }

    [Fact]
    public void Units_with_a_single_value_change_nothing()
    {
        var data = PublishedExamples.FourCodersTwelveUnits;
        var withLonelyValues = data.Select((row, coder) => row.Append(coder == 0 ? 99 : null).ToArray()).ToArray();

        Assert.Equal(KrippendorffAlpha.Compute(data, LevelOfMeasurement.Ordinal).Alpha!.Value,
            KrippendorffAlpha.Compute(withLonelyValues, LevelOfMeasurement.Ordinal).Alpha!.Value, 12);
    }

    [Fact]
    public void When_every_value_is_the_same_alpha_is_reported_as_undefined_with_the_reason()
    {
        double?[][] unanimous = [[2, 2, 2, null], [2, 2, 2, 2]];

        var result = KrippendorffAlpha.Compute(unanimous, LevelOfMeasurement.Interval);

        Assert.False(result.IsDefined);
        Assert.Null(result.Alpha);
        Assert.Equal(0, result.ExpectedDisagreement);
        Assert.Contains("undefined", result.Note);
        Assert.Equal(1.0, PercentAgreement.Compute(unanimous));
    }
}

public class when_reliability_data_cannot_give_a_figure
{
    [Fact]
    public void One_coder_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ReliabilityInputException>(() =>
            KrippendorffAlpha.Compute([new double?[] { 1, 2, 3 }], LevelOfMeasurement.Nominal));
        Assert.Contains("at least two coders", error.Message);
    }

    [Fact]
    public void Data_where_no_two_coders_judged_the_same_unit_are_refused()
    {
        double?[][] disjoint = [[1, null, null], [null, 2, null], [null, null, 3]];

        Assert.Contains("No unit was judged by two coders",
            Assert.Throws<ReliabilityInputException>(() => KrippendorffAlpha.Compute(disjoint, LevelOfMeasurement.Nominal)).Message);
        Assert.Throws<ReliabilityInputException>(() => PercentAgreement.Compute(disjoint));
        Assert.Throws<ReliabilityInputException>(() => FleissKappa.Compute(disjoint));
    }

    [Fact]
    public void Rows_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<ReliabilityInputException>(() =>
            KrippendorffAlpha.Compute([new double?[] { 1, 2, 3 }, new double?[] { 1, 2 }], LevelOfMeasurement.Nominal));
        Assert.Contains("same units", error.Message);
    }

    [Fact]
    public void Negative_values_are_refused_at_the_ratio_level_only()
    {
        double?[][] signed = [[-1, 2, 3], [-1, 2, 4]];

        Assert.Throws<ReliabilityInputException>(() => KrippendorffAlpha.Compute(signed, LevelOfMeasurement.Ratio));
        Assert.True(KrippendorffAlpha.Compute(signed, LevelOfMeasurement.Interval).IsDefined);
    }

    [Fact]
    public void Cohen_kappa_refuses_anything_but_two_coders()
    {
        var error = Assert.Throws<ReliabilityInputException>(() => CohenKappa.Compute(PublishedExamples.FourCodersTwelveUnits));
        Assert.Contains("exactly two coders", error.Message);
    }

    [Fact]
    public void Fleiss_kappa_refuses_units_with_different_numbers_of_ratings()
    {
        Assert.Throws<ReliabilityInputException>(() => FleissKappa.FromCounts([[1, 2], [2, 2]]));
    }

    [Fact]
    public void An_unknown_level_or_label_is_refused()
    {
        Assert.Equal(LevelOfMeasurement.Ordinal, LevelsOfMeasurement.Parse("Ordinal"));
        Assert.Throws<ReliabilityInputException>(() => LevelsOfMeasurement.Parse("circular"));
        Assert.Throws<ReliabilityInputException>(() => CategoryLabels.ToRatings([["low", "high"], ["low", "huge"]], ["low", "high"]));
    }
}

public class kappas_and_agreement
{
    [Fact]
    public void Cohen_kappa_reproduces_the_fifty_proposal_example()
    {
        var result = CohenKappa.Compute(PublishedExamples.FiftyProposals());

        Assert.Equal(0.70, result.ObservedAgreement, 12);
        Assert.Equal(0.50, result.ExpectedAgreement, 12);
        Assert.Equal(0.40, result.Kappa!.Value, 12);
        Assert.Equal(50, result.Units);
    }

    [Fact]
    public void Cohen_kappa_uses_only_the_units_both_coders_judged()
    {
        var proposals = PublishedExamples.FiftyProposals();
        double?[][] withGaps = [[.. proposals[0], 1, null], [.. proposals[1], null, 0]];

        Assert.Equal(0.40, CohenKappa.Compute(withGaps).Kappa!.Value, 12);
    }

    [Fact]
    public void Fleiss_kappa_reproduces_the_fourteen_rater_example()
    {
        var result = FleissKappa.FromCounts(PublishedExamples.FourteenRatersTenUnits);

        Assert.Equal(0.210, Math.Round(result.Kappa!.Value, 3));
        Assert.Equal(0.378, Math.Round(result.ObservedAgreement, 3));
        Assert.Equal(0.213, Math.Round(result.ExpectedAgreement, 3));
    }

    [Fact]
    public void Fleiss_kappa_reproduces_the_1971_psychiatric_diagnoses()
    {
        var result = FleissKappa.Compute(PublishedExamples.AsCoderRows(PublishedExamples.SixRatingsThirtyPatients));

        Assert.Equal(0.430, Math.Round(result.Kappa!.Value, 3));
        Assert.Equal(30, result.Units);
        Assert.Null(result.Note);
    }

    [Fact]
    public void Fleiss_kappa_on_data_with_missing_values_uses_the_units_every_coder_judged_and_says_so()
    {
        var result = FleissKappa.Compute(PublishedExamples.FourCodersTwelveUnits);

        Assert.Equal(8, result.Units);
        Assert.Contains("4 unit(s)", result.Note);
    }

    [Fact]
    public void Percent_agreement_averages_the_agreeing_pairs_of_each_pairable_unit()
    {
        // unit 1: 3 of 3 pairs agree; unit 2: 1 of 3; unit 3: 1 of 1; unit 4 is not pairable.
        double?[][] ratings = [[1, 1, 2, 7], [1, 1, 2, null], [1, 2, null, null]];

        Assert.Equal((1 + 1 / 3.0 + 1) / 3, PercentAgreement.Compute(ratings), 12);
    }

    [Fact]
    public void A_summary_gives_every_figure_an_endpoint_needs()
    {
        var summary = RatingsReliability.Summarise(PublishedExamples.FourCodersTwelveUnits, LevelOfMeasurement.Interval);

        Assert.Equal(0.849, Math.Round(summary.KrippendorffAlpha!.Value, 3));
        Assert.Null(summary.CohenKappa);
        Assert.NotNull(summary.FleissKappa);
        Assert.Equal((12, 11, 4), (summary.Units, summary.PairableUnits, summary.Coders));
        Assert.Contains(summary.Notes, note => note.StartsWith("Fleiss' kappa: 4 unit(s)"));

        var binary = RatingsReliability.Summarise(PublishedExamples.TwoCodersBinary, LevelOfMeasurement.Nominal);
        Assert.Equal(0.6, binary.PercentAgreement, 12);
        Assert.NotNull(binary.CohenKappa);
    }
}

public class when_analysts_check_how_reliably_codes_were_applied
{
    private static Coding Said(string unit, string coder, string code, bool present = true) => new(unit, coder, code, present);

    [Fact]
    public void Each_code_gets_its_alpha_and_the_units_to_resolve_list_what_each_coder_said()
    {
        Coding[] codings =
        [
            Said("c1", "ana", "housing"), Said("c1", "ben", "housing"), Said("c1", "cleo", "housing"),
            Said("c2", "ana", "transport"), Said("c2", "ben", "housing"), Said("c2", "cleo", "transport"),
            Said("c3", "ana", "housing"), Said("c3", "ben", "housing"), Said("c3", "ben", "transport"),
            Said("c4", "ana", "transport"), Said("c4", "ben", "transport"), Said("c4", "cleo", "transport"),
        ];

        var report = CodingReliability.Assess(codings);

        Assert.Equal(["ana", "ben", "cleo"], report.Coders);
        Assert.Equal(["housing", "transport"], report.Codes.Select(c => c.Code));
        Assert.Equal(4, report.Units);

        var housing = report.Codes[0];
        Assert.Equal(["c2"], housing.Disagreements.Select(d => d.UnitId));
        Assert.Equal(
            [new CoderJudgement("ana", false), new CoderJudgement("ben", true), new CoderJudgement("cleo", false)],
            housing.Disagreements[0].Judgements);

        // cleo did not code c3 at all: she is missing there, not saying "no".
        var transport = report.Codes[1];
        Assert.Equal(["c2", "c3"], transport.Disagreements.Select(d => d.UnitId));
        Assert.Equal([new CoderJudgement("ana", false), new CoderJudgement("ben", true)], transport.Disagreements[1].Judgements);
        Assert.Equal(4, transport.Alpha.PairableUnits);
        Assert.Null(transport.CohenKappa); // three coders

        Assert.Equal(8, report.OverallAlpha.Units);
        Assert.Equal(3, report.Disagreements.Count());
    }

    [Fact]
    public void A_code_matches_alpha_computed_from_its_yes_no_table()
    {
        // TwoCodersBinary, written as codings: coder 1 is "jon", coder 2 "han", code "present".
        var data = PublishedExamples.TwoCodersBinary;
        var codings = new List<Coding>();
        foreach (var (coder, row) in new[] { ("jon", data[0]), ("han", data[1]) })
            for (var unit = 0; unit < row.Length; unit++)
                codings.Add(Said($"u{unit}", coder, "present", row[unit] == 1));

        var code = CodingReliability.Assess(codings).Codes.Single();

        Assert.Equal(0.095, Math.Round(code.Alpha.Alpha!.Value, 3));
        Assert.Equal(KappaOf(data), code.CohenKappa!.Kappa!.Value, 12);
        Assert.Equal(4, code.Disagreements.Count);
    }

    [Fact]
    public void A_code_nobody_disagreed_on_and_nobody_applied_is_undefined_rather_than_perfect()
    {
        Coding[] codings =
        [
            Said("c1", "ana", "housing"), Said("c1", "ben", "housing"),
            Said("c2", "ana", "housing"), Said("c2", "ben", "transport"),
            Said("c3", "ana", "transport", present: false), Said("c3", "ben", "transport", present: false),
            Said("c1", "ana", "rare", present: false), Said("c1", "ben", "rare", present: false),
        ];

        var rare = CodingReliability.Assess(codings).Codes.Single(c => c.Code == "rare");

        Assert.False(rare.Alpha.IsDefined);
        Assert.Equal(KrippendorffAlpha.NoVariationNote, rare.Alpha.Note);
        Assert.Equal(1.0, rare.PercentAgreement);
        Assert.Empty(rare.Disagreements);
    }

    [Fact]
    public void Contradictory_codings_and_a_single_coder_are_refused()
    {
        Assert.Throws<ReliabilityInputException>(() =>
            CodingReliability.Assess([Said("c1", "ana", "housing"), Said("c1", "ana", "housing", false), Said("c1", "ben", "housing")]));
        Assert.Contains("at least two coders",
            Assert.Throws<ReliabilityInputException>(() => CodingReliability.Assess([Said("c1", "ana", "housing")])).Message);
        Assert.Throws<ReliabilityInputException>(() =>
            CodingReliability.Assess([Said("c1", "ana", "housing"), Said("c2", "ben", "housing")]));
    }

    private static double KappaOf(double?[][] ratings) => CohenKappa.Compute(ratings).Kappa!.Value;
}
