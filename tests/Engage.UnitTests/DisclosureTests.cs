using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Contracts;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Analysis.OpinionGroups;
using Engage.Platform.Disclosure;

namespace Engage.UnitTests;

/// <summary>The small-group rule of docs/disclosure-control.md, case by case.</summary>
public class when_counts_of_people_leave_a_module
{
    private static int?[] Values(IReadOnlyList<ProtectedCount> cells) => cells.Select(c => c.Value).ToArray();

    [Fact]
    public void a_count_under_the_minimum_reads_fewer_than_the_minimum_and_zero_is_shown()
    {
        Assert.Null(SmallGroups.One(3, 10).Value);
        Assert.Equal("fewer than 10", SmallGroups.One(3, 10).Text(10));
        Assert.Equal("fewer than 10 people", SmallGroups.One(1, 10).Words(10));
        Assert.Equal(0, SmallGroups.One(0, 10).Value);
        Assert.Equal(10, SmallGroups.One(10, 10).Value);
        Assert.Equal("1 person", SmallGroups.One(1, 1).Words(1));
    }

    [Fact]
    public void a_hidden_cell_that_the_total_less_the_others_would_give_back_takes_the_smallest_other_with_it()
    {
        // The total (50) is shown: hiding only the 3 would leave it as 50 - 20 - 15 - 12, so the smallest other cell goes too.
        var cells = SmallGroups.Cells([20, 15, 12, 3], 10);
        Assert.Equal([20, 15, null, null], Values(cells));
        Assert.Equal(Suppression.Complementary, cells[2].Suppression);
        Assert.Equal("not shown", cells[2].Text(10));
        Assert.Equal(Suppression.FewerThanMinimum, cells[3].Suppression);
        // The hidden cells together describe at least the minimum, so nothing narrower than "15 between them" can be worked out.
        Assert.True(cells.Where(c => !c.IsShown).Sum(c => c.Count) >= 10);
    }

    [Fact]
    public void two_small_cells_that_together_reach_the_minimum_need_no_third()
    {
        Assert.Equal([30, null, null], Values(SmallGroups.Cells([30, 6, 5], 10)));
    }

    [Fact]
    public void two_small_cells_that_together_stay_under_the_minimum_take_a_shown_cell_with_them()
    {
        Assert.Equal([30, null, null, null], Values(SmallGroups.Cells([30, 11, 2, 1], 10)));
    }

    [Fact]
    public void with_two_groups_one_small_neither_is_shown()
    {
        Assert.Equal([null, null], Values(SmallGroups.Cells([10, 2], 10)));
    }

    [Fact]
    public void a_zero_cell_is_never_taken_as_the_complement_since_hiding_it_hides_no_one()
    {
        var cells = SmallGroups.Cells([25, 0, 12, 4], 10);
        Assert.Equal([25, 0, null, null], Values(cells));
    }

    [Fact]
    public void within_a_group_the_rest_of_the_group_must_also_reach_the_minimum()
    {
        // 11 of 12 midwives raised it: showing 11 says what the twelfth did, so it is hidden though it is over the minimum.
        var sizes = SmallGroups.Cells([12, 12, 30, 25], 10);
        var counts = SmallGroups.WithinGroups([11, 12, 0, 15], sizes, 10);
        Assert.Equal(Suppression.Complementary, counts[0].Suppression);
        // Alone, the 11 would come back from the theme's total (38) less the others, so the smallest shown count (12 of 12) goes too.
        Assert.Equal(Suppression.Complementary, counts[1].Suppression);
        Assert.Equal(0, counts[2].Value);
        // 15 of 25 leaves 10 who did not raise it: both sides reach the minimum, so it is shown.
        Assert.Equal(15, counts[3].Value);
    }

    [Fact]
    public void a_count_in_a_hidden_group_is_hidden()
    {
        var sizes = SmallGroups.Cells([40, 20, 4], 10);
        var counts = SmallGroups.WithinGroups([20, 0, 0], sizes, 10);
        Assert.Equal(20, counts[0].Value);
        Assert.Null(counts[1].Value);
        Assert.Null(counts[2].Value);
    }
}

/// <summary>Findings through the rule: seeds are not people, small opinion groups are not described, direction is kept.</summary>
public class when_findings_are_published
{
    private static readonly Guid Workshop = Guid.NewGuid();
    private static readonly CodeDefinition Theme = new(Guid.NewGuid(), null, "Workforce", "", "", "", "", "#005EB8");

    private static CorpusFacts Facts(IReadOnlyList<CorpusParticipant> people, IReadOnlyList<CorpusItem> items, IReadOnlyList<CorpusVote> votes, int minimum = 10) => new()
    {
        Corpus = Corpus.OfWorkshop(Workshop, DateTimeOffset.UnixEpoch), Workshop = null, Closure = null,
        Settings = new AnalysisSettings { Id = Workshop, MinimumGroupSize = minimum },
        Codebook = new Codebook { Id = Workshop, Version = 1, Codes = [Theme] },
        Items = items, Participants = people.ToDictionary(p => p.Id), Votes = votes,
        Codings = items.Select(i => new AppliedCode { Id = Guid.NewGuid(), CorpusId = Workshop, ItemId = i.Id, CodeId = Theme.Id }).ToList(),
        Marks = new Dictionary<Guid, string>(), Quotes = [], Recommendations = []
    };

    private static CorpusParticipant Person(string profession) =>
        new() { Id = Guid.NewGuid(), WorkshopId = Workshop, Attributes = new() { ["profession"] = profession } };

    private static CorpusItem Item(Guid? author, string pseudonym = "Someone") =>
        new() { Id = Guid.NewGuid(), WorkshopId = Workshop, AuthorId = author, Pseudonym = pseudonym, Text = "text" };

    [Fact]
    public void seed_statements_are_contributions_but_not_people()
    {
        var people = Enumerable.Range(0, 12).Select(_ => Person("Nurse")).ToList();
        var items = people.Select(p => Item(p.Id)).Concat(Enumerable.Range(0, 3).Select(_ => Item(null, "Programme team"))).ToList();
        var facts = Facts(people, items, []);

        var participation = Figures.Participation(facts);
        var theme = ThemeFindings.Build(facts, OpinionAnalysis.None).Single();

        Assert.Equal((12, 12, 15, 3), (participation.Registered, participation.Contributors, participation.Contributions, participation.SeedStatements));
        Assert.Equal((15, 12, 100.0), (theme.Items, theme.People, theme.Prevalence));
        Assert.Equal("12 people", theme.PeopleShown);
    }

    [Fact]
    public void a_theme_raised_by_fewer_than_the_minimum_carries_no_count_or_share()
    {
        var people = Enumerable.Range(0, 15).Select(_ => Person("Nurse")).ToList();
        var facts = Facts(people, [Item(people[0].Id)], []);
        var theme = ThemeFindings.Build(facts, OpinionAnalysis.None).Single();
        Assert.Null(theme.People);
        Assert.Null(theme.Prevalence);
        Assert.Equal("fewer than 10 people", theme.PeopleShown);
        Assert.Equal("not shown", theme.PrevalenceShown);
        Assert.Equal("fewer than 10 people", Figures.Participation(facts).ContributorsShown);
    }

    [Fact]
    public void an_opinion_group_under_the_minimum_is_named_without_its_size_statements_or_profile()
    {
        var statement = Guid.NewGuid();
        var big = Enumerable.Range(0, 12).Select(_ => Person("Nurse")).ToList();
        var small = Enumerable.Range(0, 3).Select(_ => Person("Midwife")).ToList();
        var items = new[] { new CorpusItem { Id = statement, WorkshopId = Workshop, Text = "Regulate the title" } };
        var votes = big.Select(p => Vote(statement, p.Id, "disagree")).Concat(small.Select(p => Vote(statement, p.Id, "agree"))).ToList();
        var facts = Facts([.. big, .. small], items, votes);
        var found = new OpinionGroupsResult(
            [new OpinionGroup(0, big.Select(p => new GroupMember(p.Id, 0, 0)).ToList(), [new RepresentativeStatement(statement, "disagree", 0.93, 0.2, 4, 3, 12, true)]),
             new OpinionGroup(1, small.Select(p => new GroupMember(p.Id, 1, 1)).ToList(), [new RepresentativeStatement(statement, "agree", 0.8, 0.07, 9, 3, 3, true)])],
            [], [], [], 0.7);

        var opinion = OpinionFindingsBuilder.From(facts, found).Findings;

        // 15 placed, 12 + 3: the 3 would come back by subtraction, so the 12 is not shown either, and neither is described.
        Assert.All(opinion.Groups, g => Assert.False(g.Published));
        Assert.All(opinion.Groups, g => Assert.Empty(g.Representative));
        Assert.All(opinion.Groups, g => Assert.Empty(g.Attributes));
        Assert.Equal("fewer than 10 people", opinion.Groups[1].ParticipantsShown);
        Assert.Equal("not shown", opinion.Groups[0].ParticipantsShown);
    }

    [Fact]
    public void a_group_that_disagrees_reads_disagree_with_its_real_share_and_both_others()
    {
        var statement = Guid.NewGuid();
        var a = Enumerable.Range(0, 10).Select(_ => Person("Nurse")).ToList();
        var b = Enumerable.Range(0, 10).Select(_ => Person("Paramedic")).ToList();
        var items = new[] { new CorpusItem { Id = statement, WorkshopId = Workshop, Text = "Regulate the title" } };
        // Group A: 8 disagree, 1 agree, 1 pass. Group B: all agree.
        var votes = a.Select((p, i) => Vote(statement, p.Id, i < 8 ? "disagree" : i == 8 ? "agree" : "pass")).Concat(b.Select(p => Vote(statement, p.Id, "agree"))).ToList();
        var facts = Facts([.. a, .. b], items, votes);
        var found = new OpinionGroupsResult(
            [new OpinionGroup(0, a.Select(p => new GroupMember(p.Id, 0, 0)).ToList(), [new RepresentativeStatement(statement, "disagree", 0.75, 0.08, 9, 3, 10, true)]),
             new OpinionGroup(1, b.Select(p => new GroupMember(p.Id, 1, 1)).ToList(), [new RepresentativeStatement(statement, "agree", 0.92, 0.17, 5, 3, 10, true)])],
            [], [], [], 0.7);

        var groupA = OpinionFindingsBuilder.From(facts, found).Findings.Groups[0];
        var s = Assert.Single(groupA.Representative);

        Assert.Equal(VoteDirection.Disagree, s.Direction);
        Assert.Equal((10.0, 80.0, 10.0), (s.AgreePercent, s.DisagreePercent, s.PassPercent));
        Assert.Equal("80% of Group A disagree", s.Reading);
    }

    private static CorpusVote Vote(Guid statement, Guid person, string value) =>
        new() { Id = $"{statement}:{person}", WorkshopId = Workshop, ContributionId = statement, ParticipantId = person, Value = value };
}
