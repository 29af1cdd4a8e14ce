using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Analysis.Findings;
using Engage.Platform.Web;

namespace Engage.UnitTests;

/// <summary>Findings computed from a corpus held in memory: who counts, what is suppressed, how quotes are attributed.</summary>
public class findings_of_a_corpus
{
    private static readonly Guid Corpus = Guid.NewGuid();
    private static readonly CodeDefinition Support = new(Guid.NewGuid(), null, "Support", "", "", "", "", "#005EB8");
    private static readonly CodeDefinition Supervision = new(Guid.NewGuid(), Support.Id, "Supervision", "", "", "", "", "#009639");

    /// <summary>Participants with the given (role, profession, region) counts, one item each; items of the first <paramref name="coded"/> carry Supervision.</summary>
    private static CorpusFacts Facts(int minimum, int coded, params (string Role, string Profession, string Region, int Count)[] groups)
    {
        var participants = new Dictionary<Guid, CorpusParticipant>();
        var items = new List<CorpusItem>();
        foreach (var (role, profession, region, count) in groups)
            for (var i = 0; i < count; i++)
            {
                var p = new CorpusParticipant { Id = Guid.NewGuid(), WorkshopId = Corpus, Attributes = new() { ["role"] = role, ["profession"] = profession, ["region"] = region } };
                participants[p.Id] = p;
                items.Add(new CorpusItem { Id = Guid.NewGuid(), WorkshopId = Corpus, AuthorId = p.Id, Text = $"item {items.Count}" });
            }
        return new CorpusFacts
        {
            Corpus = new Corpus { Id = Corpus, Name = "Test" }, Workshop = null, Closure = null,
            Settings = new AnalysisSettings { Id = Corpus, MinimumGroupSize = minimum },
            Codebook = new Codebook { Id = Corpus, Version = 2, Codes = [Support, Supervision] },
            Items = items, Participants = participants, Votes = [],
            Codings = items.Take(coded).Select(i => new AppliedCode { Id = Guid.NewGuid(), CorpusId = Corpus, ItemId = i.Id, CodeId = Supervision.Id }).ToList(),
            Marks = new Dictionary<Guid, string>(), Quotes = [], Recommendations = []
        };
    }

    [Fact]
    public void a_code_counts_its_subcodes_items_towards_its_theme()
    {
        var facts = Facts(5, 3, ("ACP", "Nurse", "London", 6));
        Assert.Equal(3, facts.ItemsWith(Support.Id).Count);
        Assert.Equal(3, facts.ItemsWith(Supervision.Id).Count);
        Assert.Equal(Support, facts.Codebook.ThemeOf(Supervision));
    }

    [Fact]
    public void a_breakdown_hides_small_groups_and_small_counts_and_tests_only_what_it_shows()
    {
        // Nurses 12 (all raised it), paramedics 12 (none), physiotherapists 10 (none), pharmacists 4 (a group too small to show).
        var facts = Facts(10, 12, ("ACP", "Nurse", "London", 12), ("ACP", "Paramedic", "London", 12), ("ACP", "Physiotherapist", "London", 10),
            ("ACP", "Pharmacist", "London", 4));
        var breakdown = AttributeBreakdowns.Of(facts, facts.ItemsWith(Support.Id), "profession");
        var cells = breakdown.Cells.ToDictionary(c => c.Value);
        Assert.Equal((12, 12, 100.0), (cells["Nurse"].Count!.Value, cells["Nurse"].GroupSize!.Value, cells["Nurse"].Percent!.Value));
        Assert.Equal((0, 12), (cells["Paramedic"].Count!.Value, cells["Paramedic"].GroupSize!.Value));
        Assert.Null(cells["Pharmacist"].Count);
        Assert.Null(cells["Pharmacist"].GroupSize);
        Assert.Equal("fewer than 10", cells["Pharmacist"].GroupSizeShown);
        // 38 contributors less the three shown groups would give the 4 pharmacists back: the smallest shown group goes too.
        Assert.Null(cells["Physiotherapist"].GroupSize);
        Assert.Equal("not shown", cells["Physiotherapist"].GroupSizeShown);
        // [[12, 0], [0, 12]]: chi-square 24 with one degree of freedom.
        Assert.Equal(24.0, breakdown.ChiSquare!.Value, 3);
        Assert.Equal(1, breakdown.DegreesOfFreedom);
    }

    [Fact]
    public void a_count_below_the_minimum_is_suppressed_even_in_a_large_group()
    {
        var facts = Facts(10, 3, ("ACP", "Nurse", "London", 20));
        var cell = AttributeBreakdowns.Of(facts, facts.ItemsWith(Support.Id), "profession").Cells.Single();
        Assert.Null(cell.Count);
        Assert.Equal(20, cell.GroupSize);
    }

    [Fact]
    public void a_quote_names_the_authors_group_only_as_far_as_it_is_large_enough()
    {
        var facts = Facts(5, 0, ("ACP", "Nurse", "North West", 5), ("Trainee", "Nurse", "London", 3), ("Trainee", "Midwife", "London", 1));
        string Of(string role, string profession) => Attribution.Of(facts, facts.Items.First(i =>
            facts.AttributesOf(i)["role"] == role && facts.AttributesOf(i)["profession"] == profession));
        Assert.Equal("ACP, Nurse, North West", Of("ACP", "Nurse"));
        // Trainee nurses in London are 3; every pair is under 5 too, but nurses are 8.
        Assert.Equal("Nurse", Of("Trainee", "Nurse"));
        // The one trainee midwife shares no attribute with 5 people or more.
        Assert.Equal(Attribution.Anonymous, Of("Trainee", "Midwife"));
    }

    [Fact]
    public void a_code_form_refuses_clashes_loops_and_bad_colours()
    {
        var codebook = new Codebook { Id = Corpus, Codes = [Support, Supervision] };
        Assert.Equal(409, Assert.Throws<RuleBroken>(() => new CodeForm("supervision", Support.Id, null, null, null, null, null).Check(codebook, Guid.NewGuid())).Status);
        Assert.Contains("under itself", Assert.Throws<RuleBroken>(() => new CodeForm("Support", Supervision.Id, null, null, null, null, null).Check(codebook, Support.Id)).Message);
        Assert.Contains("hex colour", Assert.Throws<RuleBroken>(() => new CodeForm("Pay", null, null, null, null, null, "blue").Check(codebook, Guid.NewGuid())).Message);
        var ok = new CodeForm("  Pay ", null, "Money", null, null, null, "#00a499").Check(codebook, Guid.NewGuid());
        Assert.Equal(("Pay", "#00A499"), (ok.Name, ok.Colour));
    }
}
