using Engage.Platform.Wording;

namespace Engage.UnitTests;

public class WordsTests
{
    [Theory]
    [InlineData(1, "person", "1 person")]
    [InlineData(2, "person", "2 people")]
    [InlineData(0, "person", "0 people")]
    [InlineData(1, "item", "1 item")]
    [InlineData(1204, "contribution", "1,204 contributions")]
    [InlineData(3, "reply", "3 replies")]
    public void numbers_agree_with_their_nouns(long n, string noun, string expected) =>
        Assert.Equal(expected, Words.Count(n, noun));

    [Fact]
    public void an_irregular_plural_is_given_by_the_caller() =>
        Assert.Equal("2 analyses", Words.Count(2, "analysis", "analyses"));

    [Fact]
    public void dates_follow_the_nhs_style()
    {
        Assert.Equal("3 December 2026", Words.Date(new DateOnly(2026, 12, 3)));
        Assert.Equal("From 1 March 2022 to 14 March 2022", Words.DateRange(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 14)));
        Assert.Equal("On 1 March 2022", Words.DateRange(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 1)));
        // 23:30 UTC on 30 June is already 1 July in UK summer time.
        Assert.Equal("1 July 2026", Words.Date(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal("1 July 2026 at 12:30am", Words.DateTime(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("ProgrammeStaff", "Programme staff")]
    [InlineData("Analyst", "Analyst")]
    public void roles_read_as_words(string role, string expected) => Assert.Equal(expected, Words.Role(role));

    [Theory]
    [InlineData("yearsInPractice", "Years in practice")]
    [InlineData("years_in_practice", "Years in practice")]
    [InlineData("NHSRegion", "NHS region")]
    [InlineData("profession", "Profession")]
    public void keys_without_a_label_read_as_words(string key, string expected) => Assert.Equal(expected, Words.Humanise(key));

    [Theory]
    [InlineData(0.45, "45%")]
    [InlineData(0.056, "5.6%")]
    [InlineData(0.001, "less than 1%")]
    [InlineData(0.0, "0%")]
    [InlineData(1.0, "100%")]
    public void shares_read_as_percentages(double share, string expected) => Assert.Equal(expected, Words.Percent(share));
}
