using Engage.Analysis.Sentiment;

namespace Engage.UnitTests.Sentiment;

public class when_a_comment_is_scored_for_sentiment
{
    private static SentimentScore Score(string text) => SentimentScorer.Score(text);

    [Theory]
    [InlineData("The nurses were kind and the care was excellent.")]
    [InlineData("Brilliant training day, really inspiring trainers.")]
    [InlineData("Thank you so much :)")]
    [InlineData("Couldn't have been better.")]
    [InlineData("The staff could not have been any more helpful.")]
    [InlineData("I can't think of anything that could have been done better.")]
    [InlineData("No complaints at all.")]
    [InlineData("Nothing was too much trouble for them.")]
    [InlineData("Nothing been happy with everything")]
    [InlineData("Not bad at all.")]
    public void praise_is_positive(string text) => Assert.Equal(SentimentLabel.Positive, Score(text).Label);

    [Theory]
    [InlineData("The receptionist was rude and the ward was dirty.")]
    [InlineData("Waited four hours, completely unacceptable.")]
    [InlineData("The course was boring and a waste of time.")]
    [InlineData("Not good.")]
    [InlineData("The doctors were never helpful.")]
    [InlineData("There was no support after discharge.")]
    [InlineData("A lack of communication between teams.")]
    [InlineData("Very little help from the council.")]
    [InlineData("The appointment system could be better.")]
    [InlineData("It would have been helpful to get a letter.")]
    [InlineData("Better signs to the clinic.")]
    [InlineData("Long waiting times.")]
    [InlineData("Very disappointed :(")]
    public void criticism_is_negative(string text) => Assert.Equal(SentimentLabel.Negative, Score(text).Label);

    [Theory]
    [InlineData("The appointment was on Tuesday at the clinic on Station Road.")]
    [InlineData("I attended the workshop in March with two colleagues.")]
    [InlineData("")]
    [InlineData("...")]
    public void plain_statements_are_neutral(string text)
    {
        var score = Score(text);

        Assert.Equal(SentimentLabel.Neutral, score.Label);
        Assert.Equal(0.0, score.Value);
    }

    [Fact]
    public void negation_turns_a_word_around_and_softens_it()
    {
        var good = Score("The service was good.").Value;
        var notGood = Score("The service was not good.").Value;

        Assert.True(notGood < 0);
        Assert.True(Math.Abs(notGood) < Math.Abs(good));
        Assert.True(Score("The service wasn’t good.").Value < 0);   // curly apostrophe
    }

    [Fact]
    public void negation_stops_at_punctuation()
    {
        Assert.True(Score("No, the staff were lovely.").Value > 0);
        Assert.True(Score("No the staff lovely").Value < 0);
    }

    [Fact]
    public void intensifiers_strengthen_and_downtoners_soften()
    {
        var helpful = Score("The staff were helpful.").Value;

        Assert.True(Score("The staff were very helpful.").Value > helpful);
        Assert.True(Score("The staff were extremely helpful.").Value > Score("The staff were very helpful.").Value);
        Assert.True(Score("The staff were slightly helpful.").Value < helpful);
        Assert.True(Score("The wait was a bit slow.").Value > Score("The wait was slow.").Value);
    }

    [Fact]
    public void the_clause_after_but_decides()
    {
        Assert.Equal(SentimentLabel.Negative, Score("The nurses were lovely but the wait was terrible.").Label);
        Assert.Equal(SentimentLabel.Positive, Score("The wait was terrible but the nurses were lovely.").Label);
        Assert.Equal(SentimentLabel.Positive, Score("Although parking was awful, the care was excellent.").Label);
    }

    [Fact]
    public void a_contrast_reaches_back_across_sentences()
    {
        var alone = Score("The staff were great.").Value;
        var contrasted = Score("The staff were great. But nobody told us anything and it was frustrating.").Value;

        Assert.True(contrasted < 0);
        Assert.True(alone > 0);
    }

    [Fact]
    public void wishes_for_change_criticise_while_would_recommend_praises()
    {
        Assert.True(Score("It would be nice to have a drinks machine.").Value < 0);
        Assert.True(Score("I would recommend this clinic.").Value > 0);
        Assert.True(Score("I would be happy to come back.").Value > 0);
    }

    [Fact]
    public void scores_stay_within_minus_one_and_one()
    {
        var praise = string.Join(" ", Enumerable.Repeat("excellent wonderful amazing staff.", 50));
        var complaint = string.Join(" ", Enumerable.Repeat("terrible awful rude staff.", 50));

        Assert.InRange(Score(praise).Value, 0.99, 1.0);
        Assert.InRange(Score(complaint).Value, -1.0, -0.99);
    }
}
