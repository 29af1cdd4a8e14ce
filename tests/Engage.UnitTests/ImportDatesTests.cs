using Engage.Workshop.Imports;
using Engage.Workshop.Workshops;

namespace Engage.UnitTests;

public class when_a_past_conversation_is_imported
{
    private static readonly DateTimeOffset ImportDay = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void it_ran_from_its_first_activity_to_its_last_not_on_the_day_of_the_import()
    {
        var first = new DateTimeOffset(2022, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var last = new DateTimeOffset(2022, 4, 14, 18, 30, 0, TimeSpan.Zero);
        var conversation = new PolisConversation(
            [new PolisComment("0", "7", first.AddHours(1), PolisModeration.Accepted, "A"), new PolisComment("1", "8", first, PolisModeration.Accepted, "B")],
            [new PolisVote("0", "9", last, "agree"), new PolisVote("1", "9", first.AddDays(3), "disagree")]);

        Assert.Equal((first, last), ImportPolisConversationHandler.ConversationDates(conversation, ImportDay));
    }

    [Fact]
    public void the_opening_analysis_hears_of_is_the_workshops_own_not_the_moment_it_is_told()
    {
        var opened = new DateTimeOffset(2022, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var workshop = new Workshop.Workshops.Workshop { Id = Guid.NewGuid(), Title = "Imported", OpenedAt = opened };
        Assert.Equal(opened, WorkshopLifecycle.Opened(workshop, ImportDay).OpenedAt);
    }

    [Fact]
    public void an_empty_conversation_has_no_dates_of_its_own_and_takes_the_import_day()
    {
        Assert.Equal((ImportDay, ImportDay), ImportPolisConversationHandler.ConversationDates(new PolisConversation([], []), ImportDay));
    }
}
