using Engage.Workshop.Moderation;

namespace Engage.UnitTests;

public class when_a_contribution_is_checked_before_publication
{
    private static IReadOnlyList<string> Check(string text, params string[] words) => ContentChecks.Find(text, words);

    [Theory]
    [InlineData("Email me at jo.bloggs@nhs.net please", ContentChecks.Email)]
    [InlineData("jo (at) example.org", ContentChecks.Email)]
    [InlineData("Ring 07700 900123 after six", ContentChecks.Phone)]
    [InlineData("Call +44 20 7946 0958", ContentChecks.Phone)]
    [InlineData("My number is (0113) 496 0000", ContentChecks.Phone)]
    [InlineData("Patient 943 476 5919 was seen late", ContentChecks.NhsNumber)]
    [InlineData("See https://example.org/acp", ContentChecks.Link)]
    [InlineData("see www.example.org", ContentChecks.Link)]
    public void contact_data_and_links_are_caught(string text, string reason) => Assert.Contains(reason, Check(text));

    [Theory]
    [InlineData("Supervision needs 10 hours a week for 12 months.")]
    [InlineData("Band 8a posts rose from 2019 to 2023 by 15%.")]
    [InlineData("Reference 1234567890 is not an NHS number.")]
    public void ordinary_text_with_numbers_passes(string text) => Assert.Empty(Check(text));

    [Theory]
    [InlineData("9434765919", true)]   // valid check digit
    [InlineData("943 476 5918", false)] // wrong check digit
    [InlineData("4010232137", true)]
    [InlineData("1111111111", false)]   // repeated digits are not issued
    public void nhs_numbers_are_recognised_by_their_check_digit(string number, bool valid) =>
        Assert.Equal(valid, ContentChecks.IsNhsNumber(number));

    [Fact]
    public void words_on_the_configured_list_are_caught_as_whole_words_in_any_case()
    {
        Assert.Contains(ContentChecks.Language, Check("What a Blimey mess", "blimey"));
        Assert.Empty(Check("Blimeyness is not on the list", "blimey"));
    }
}
