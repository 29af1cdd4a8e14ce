using Engage.Analysis.Breakdowns;

namespace Engage.UnitTests.Breakdowns;

public class chi_square_test_of_independence
{
    /// <summary>
    /// Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed., p. 39: party identification
    /// by gender. The example in R's ?chisq.test prints X-squared = 30.07, df = 2, p-value = 2.954e-07;
    /// by hand (df = 2 so p = e^(−x/2)): 30.0701, p = 2.9536e-07.
    /// </summary>
    [Fact]
    public void agrees_with_agrestis_party_by_gender_table()
    {
        var result = ChiSquareTest.Independence(new long[,] { { 762, 327, 468 }, { 484, 239, 477 } })!;

        Assert.Equal(30.070, result.Statistic, 3);
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(2.9536e-7, result.PValue, 10);
        Assert.Equal(0, result.CellsExpectedBelowFive);
    }

    /// <summary>
    /// Wikipedia, "Chi-squared test", example for categorical data: occupation by neighbourhood, 650 residents.
    /// The article gives ≈ 24.6 with 6 degrees of freedom; by hand 24.5712, p = 0.00040984
    /// (df = 6: p = e^(−x/2)(1 + x/2 + (x/2)²/2)), as scipy's chi2_contingency prints.
    /// </summary>
    [Fact]
    public void agrees_with_the_neighbourhood_by_occupation_example()
    {
        var result = ChiSquareTest.Independence(new long[,]
        {
            { 90, 60, 104, 95 },
            { 30, 50, 51, 20 },
            { 30, 40, 45, 35 },
        })!;

        Assert.Equal(24.571, result.Statistic, 3);
        Assert.Equal(6, result.DegreesOfFreedom);
        Assert.Equal(0.000410, result.PValue, 6);
        Assert.Equal(34.615, result.MinimumExpected, 3);
    }

    /// <summary>
    /// Physicians' Health Study, aspirin and myocardial infarction (Agresti 2007, Table 2.3), 2 x 2.
    /// R's chisq.test(correct = FALSE): X-squared = 25.014, df = 1; by hand p = erfc(√(x/2)) = 5.6919e-07.
    /// </summary>
    [Fact]
    public void agrees_with_the_aspirin_two_by_two_table()
    {
        var result = ChiSquareTest.Independence(new long[,] { { 189, 10845 }, { 104, 10933 } })!;

        Assert.Equal(25.014, result.Statistic, 3);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(5.6919e-7, result.PValue, 10);
    }

    /// <summary>By hand: 3 x 3, df = 4 so p = e^(−x/2)(1 + x/2); statistic 9.3006, p = 0.054010.</summary>
    [Fact]
    public void a_three_by_three_table_has_four_degrees_of_freedom()
    {
        var result = ChiSquareTest.Independence(new long[,] { { 12, 5, 7 }, { 3, 9, 8 }, { 4, 6, 11 } })!;

        Assert.Equal(9.301, result.Statistic, 3);
        Assert.Equal(4, result.DegreesOfFreedom);
        Assert.Equal(0.054, result.PValue, 3);
        Assert.Equal(5.846, result.MinimumExpected, 3);
    }

    [Fact]
    public void small_expected_counts_are_reported_so_the_reader_can_distrust_the_p_value()
    {
        // Expected 2 in every cell: statistic 2, p = erfc(1) = 0.1573.
        var result = ChiSquareTest.Independence(new long[,] { { 3, 1 }, { 1, 3 } })!;

        Assert.Equal(2.0, result.Statistic, 9);
        Assert.Equal(0.157, result.PValue, 3);
        Assert.Equal(2.0, result.MinimumExpected, 9);
        Assert.Equal(4, result.CellsExpectedBelowFive);
    }

    [Fact]
    public void rows_and_columns_with_no_counts_are_dropped_before_degrees_of_freedom()
    {
        var withEmpty = ChiSquareTest.Independence(new long[,]
        {
            { 762, 0, 327, 468 },
            { 0, 0, 0, 0 },
            { 484, 0, 239, 477 },
        })!;

        Assert.Equal(2, withEmpty.DegreesOfFreedom);
        Assert.Equal(30.070, withEmpty.Statistic, 3);
    }

    [Fact]
    public void independent_counts_give_a_statistic_of_zero_and_a_p_value_of_one()
    {
        var result = ChiSquareTest.Independence(new long[,] { { 10, 20 }, { 30, 60 } })!;

        Assert.Equal(0.0, result.Statistic, 12);
        Assert.Equal(1.0, result.PValue, 12);
    }

    [Fact]
    public void a_table_with_fewer_than_two_non_empty_rows_or_columns_has_no_test()
    {
        Assert.Null(ChiSquareTest.Independence(new long[,] { { 5, 7, 9 }, { 0, 0, 0 } }));
        Assert.Null(ChiSquareTest.Independence(new long[,] { { 5, 0 }, { 7, 0 } }));
        Assert.Null(ChiSquareTest.Independence(new long[,] { { 0, 0 }, { 0, 0 } }));
        Assert.Null(ChiSquareTest.Independence(new long[0, 0]));
    }

    [Fact]
    public void negative_counts_are_refused() =>
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Independence(new long[,] { { 5, -1 }, { 2, 3 } }));
}
