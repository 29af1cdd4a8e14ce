using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Pictures;
using Engage.Platform.Web;

namespace Engage.UnitTests.CodingWorkspace;

public class when_an_item_is_shown_with_its_coded_passages
{
    private static CodingView Span(string code, int start, int end) =>
        new(Guid.NewGuid(), Guid.NewGuid(), code, "#005EB8", Guid.NewGuid(), "Ada", 1, start, end, null, "analyst", DateTimeOffset.UnixEpoch);

    [Fact]
    public void the_runs_join_back_to_the_text_exactly_and_carry_the_codes_over_them()
    {
        const string text = "Protected time for supervision, every week.";
        var segments = TextSegments.Of(text, [Span("Time", 0, 14), Span("Supervision", 10, 30)]);
        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(["Protected ", "time", " for supervision", ", every week."], segments.Select(s => s.Text));
        Assert.Equal([["Time"], ["Time", "Supervision"], ["Supervision"], []], segments.Select(s => s.Codings.Select(c => c.Code).ToArray()));
    }

    [Fact]
    public void whole_item_codings_and_spans_outside_the_text_mark_nothing()
    {
        var whole = Span("Whole", 0, 1) with { Start = null, End = null };
        var segments = TextSegments.Of("Short", [whole, Span("Beyond", 2, 40)]);
        Assert.Equal("Short", Assert.Single(segments).Text);
        Assert.Empty(segments[0].Codings);
    }
}

public class when_an_analyst_types_part_of_a_code_name
{
    private static readonly Guid Workforce = Guid.NewGuid(), Career = Guid.NewGuid(), Time = Guid.NewGuid(), Retired = Guid.NewGuid();

    private static CodebookView Book() => new(Guid.Empty, 4, null,
    [
        new CodeView(Workforce, null, "Workforce", "", "", "", "", "#005EB8", false, 0),
        new CodeView(Career, Workforce, "Career progression", "", "", "", "", "#DA291C", false, 1),
        new CodeView(Time, null, "Protected time", "", "", "", "", "#007F3B", false, 0),
        new CodeView(Retired, null, "Old timers", "", "", "", "", "#425563", true, 0),
    ]);

    [Fact]
    public void nothing_is_chosen_and_recent_codes_come_first_with_their_place_in_the_hierarchy()
    {
        var choices = CodePicker.Choices(Book(), [Time]);
        Assert.Equal(["Protected time", "Workforce", "Workforce › Career progression"], choices.Select(c => c.Path));
        Assert.True(choices[0].Recent);
        Assert.DoesNotContain(choices, c => c.Id == Retired);
    }

    [Fact]
    public void a_part_only_one_code_has_finds_it_and_a_shared_part_names_the_candidates()
    {
        var choices = CodePicker.Choices(Book(), []);
        Assert.Equal(Career, CodePicker.Resolve(choices, "progr"));
        Assert.Equal(Workforce, CodePicker.Resolve(choices, "workforce"));
        Assert.Equal(Career, CodePicker.Resolve(choices, "Workforce › Career progression"));
        var shared = Assert.Throws<RuleBroken>(() => CodePicker.Resolve(choices, "r"));
        Assert.Contains("matches 3 codes", shared.Message);
        Assert.Throws<RuleBroken>(() => CodePicker.Resolve(choices, "  "));
        Assert.Contains("No active code", Assert.Throws<RuleBroken>(() => CodePicker.Resolve(choices, "timers")).Message);
    }
}

public class when_analysts_reorder_the_codebook
{
    private static CodeDefinition Code(string name, Guid? parent = null) => new(Guid.NewGuid(), parent, name, "", "", "", "", "#005EB8");

    [Fact]
    public void a_code_swaps_with_its_nearest_sibling_and_the_view_keeps_that_order_in_the_hierarchy()
    {
        var zebra = Code("Zebra");
        var apple = Code("Apple");
        var child = Code("Child", zebra.Id);
        var book = new Codebook();
        foreach (var c in new[] { zebra, child, apple }) book.Apply(new Engage.Analysis.Codebooks.CodeAdded(Guid.Empty, c, Guid.Empty, DateTimeOffset.UnixEpoch));
        Assert.Equal(["Zebra", "Child", "Apple"], ViewCodebookEndpoint.View(Guid.Empty, book).Codes.Select(c => c.Name));

        book.Apply(new CodeMoved(Guid.Empty, apple.Id, "up", Guid.Empty, DateTimeOffset.UnixEpoch));
        Assert.Equal(["Apple", "Zebra", "Child"], ViewCodebookEndpoint.View(Guid.Empty, book).Codes.Select(c => c.Name));
        Assert.Null(book.NeighbourOf(apple.Id, "up"));
        Assert.Null(book.NeighbourOf(child.Id, "down"));
    }
}

public class when_the_pictures_are_drawn
{
    [Fact]
    public void a_group_under_the_minimum_is_not_drawn_and_the_hull_encloses_every_point()
    {
        var big = new MapGroup(0, "Group A", Enumerable.Range(0, 12).Select(i => new MapPoint(Math.Cos(i), Math.Sin(i))).ToList());
        var small = new MapGroup(1, "Group B", [new MapPoint(5, 5), new MapPoint(5.1, 5)]);
        var svg = OpinionMap.Draw("map", [big, small], new MinimumGroup(10), null);
        Assert.Contains("Group A", svg);
        Assert.DoesNotContain(">Group B<", svg);
        Assert.Contains("1 smaller groups are not drawn", svg);

        var square = new[] { new MapPoint(0, 0), new MapPoint(1, 0), new MapPoint(1, 1), new MapPoint(0, 1), new MapPoint(0.5, 0.5) };
        Assert.Equal(4, OpinionMap.Hull(square).Count);
    }

    [Fact]
    public void heatmap_text_is_escaped_and_hidden_cells_are_hatched_not_coloured()
    {
        var svg = Heatmap.Draw("h", "<b>title</b>", "desc", ["A & B"], [new HeatRow("<script>", [new HeatCell(null, "", "hidden")], Marked: true)], "note");
        Assert.DoesNotContain("<script>", svg);
        Assert.DoesNotContain("<b>", svg);
        Assert.Contains("url(#h-hidden)", svg);
        Assert.Contains("tabindex=\"0\"", svg);
    }

    [Fact]
    public void co_occurrence_hides_counts_under_the_minimum_but_not_zero()
    {
        var picture = CoOccurrencePicture.Of(["A", "B"], new[,] { { 14, 8 }, { 8, 0 } }, new MinimumGroup(10));
        Assert.Equal(14, picture.Counts[0, 0]);
        Assert.Null(picture.Counts[0, 1]);
        Assert.Equal(0, picture.Counts[1, 1]);
        Assert.Equal("fewer than 10", picture.Minimum.Words(picture.Counts[0, 1]));
    }
}
