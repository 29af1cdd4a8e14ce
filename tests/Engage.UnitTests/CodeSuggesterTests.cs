using Engage.Analysis.Suggestions;

namespace Engage.UnitTests.Suggestions;

/// <summary>Comments an analyst has coded: parking and waiting are clearly worded, "accessibility" has two examples only.</summary>
internal static class CodedComments
{
    private static readonly string[] Parking =
    [
        "Parking at the hospital is impossible, the car park is always full",
        "Not enough parking spaces for visitors",
        "The car park charges are far too high",
        "Could not find a parking space and missed my appointment",
        "Parking is expensive and the car park is a long walk from the clinic",
        "More disabled parking spaces near the entrance please",
        "The car park barrier was broken and parking took ages",
        "Free parking for patients would help a lot",
    ];

    private static readonly string[] Waiting =
    [
        "Waited three hours in the waiting room to be seen",
        "The waiting time for an appointment was months",
        "Long wait in the emergency department before triage",
        "Waiting times are far too long for a referral",
        "We waited ages for the doctor and nobody told us why",
        "The waiting list for physiotherapy is too long",
        "Waited two hours past my appointment time",
        "Shorter waiting times would make a big difference",
    ];

    private static readonly string[] Staff =
    [
        "The nurses were kind and caring throughout my stay",
        "Friendly reception staff who made me feel welcome",
        "The doctor explained everything clearly and kindly",
        "Staff were caring and attentive on the ward",
        "Lovely nurses, nothing was too much trouble",
        "The midwife was kind and supportive",
    ];

    public static List<TrainingItem> Items()
    {
        var items = new List<TrainingItem>();
        items.AddRange(Parking.Select(t => new TrainingItem(t, ["parking"])));
        items.AddRange(Waiting.Select(t => new TrainingItem(t, ["waiting"])));
        items.AddRange(Staff.Select(t => new TrainingItem(t, ["staff attitude"])));
        // Multi-label: one comment about both.
        items.Add(new TrainingItem("Waited an hour because the car park was full and parking took ages", ["parking", "waiting"]));
        items.Add(new TrainingItem("No ramp at the side entrance for wheelchairs", ["accessibility"]));
        items.Add(new TrainingItem("The lift to the wheelchair clinic was out of order", ["accessibility", "waiting"]));
        return items;
    }
}

public class when_engage_suggests_codes_from_coded_items
{
    [Fact]
    public void a_clearly_worded_code_is_suggested_with_high_confidence_on_a_new_text()
    {
        var suggester = CodeSuggester.Train(CodedComments.Items());

        var suggestions = suggester.Suggest("There is never any parking, the car park is full every day");

        Assert.Equal("parking", suggestions[0].Code);
        Assert.True(suggestions[0].Confidence >= 0.7, $"confidence {suggestions[0].Confidence:F2}");
        Assert.DoesNotContain(suggestions, s => s.Code == "staff attitude");
    }

    [Fact]
    public void suggestions_come_best_first_and_above_the_minimum_confidence()
    {
        var suggester = CodeSuggester.Train(CodedComments.Items());

        var all = suggester.Suggest("Waited hours in the waiting room, and the car park was full", minimumConfidence: 0);
        var confident = suggester.Suggest("Waited hours in the waiting room, and the car park was full", minimumConfidence: 0.4);

        Assert.Equal(suggester.LearntCodes.Count, all.Count);
        Assert.Equal(all.Select(s => s.Confidence).OrderDescending(), all.Select(s => s.Confidence));
        Assert.All(all, s => Assert.InRange(s.Confidence, 0.0, 1.0));
        Assert.All(confident, s => Assert.True(s.Confidence >= 0.4));
        // An item may carry several codes: both are likely here.
        Assert.Contains(confident, s => s.Code == "waiting");
        Assert.Contains(confident, s => s.Code == "parking");
    }

    [Fact]
    public void a_code_with_too_few_examples_is_not_learnt_and_is_reported()
    {
        var suggester = CodeSuggester.Train(CodedComments.Items());

        Assert.Equal(["accessibility"], suggester.UnlearntCodes);
        Assert.Equal(["parking", "staff attitude", "waiting"], suggester.LearntCodes);
        Assert.DoesNotContain(suggester.Suggest("No wheelchair ramp at the entrance", 0), s => s.Code == "accessibility");
    }

    [Fact]
    public void the_minimum_number_of_examples_can_be_lowered()
    {
        var suggester = CodeSuggester.Train(CodedComments.Items(), new SuggesterOptions(MinimumExamples: 2));

        Assert.Contains("accessibility", suggester.LearntCodes);
        Assert.Empty(suggester.UnlearntCodes);
    }

    [Fact]
    public void the_same_coded_items_always_give_the_same_suggestions()
    {
        var first = CodeSuggester.Train(CodedComments.Items());
        var second = CodeSuggester.Train(CodedComments.Items());
        string[] texts = ["The car park was full again", "Kind nurses on the ward", "A long wait for the clinic"];

        foreach (var text in texts)
            Assert.Equal(first.Suggest(text, 0), second.Suggest(text, 0));
    }

    [Fact]
    public void a_code_every_item_carries_is_not_learnt()
    {
        var items = CodedComments.Items().Select(i => i with { Codes = [.. i.Codes, "hospital"] }).ToList();

        var suggester = CodeSuggester.Train(items);

        Assert.Contains("hospital", suggester.UnlearntCodes);
    }

    [Fact]
    public void with_nothing_coded_nothing_is_suggested()
    {
        var suggester = CodeSuggester.Train([]);

        Assert.Empty(suggester.LearntCodes);
        Assert.Empty(suggester.Suggest("Anything at all", 0));
    }
}

public class when_suggestions_are_audited_against_the_analysts
{
    [Fact]
    public void kappa_and_agreement_are_given_per_code()
    {
        // Code A: machine and human agree on 8 of 10 items (2 yes, 6 no agreed; 1 machine-only, 1 human-only).
        // P_o = 0.8, P_e = 0.3·0.3 + 0.7·0.7 = 0.58, kappa = 0.22 / 0.42 = 0.5238.
        var decisions = new List<SuggestionDecision>();
        bool[] machine = [true, true, true, false, false, false, false, false, false, false];
        bool[] human = [true, true, false, true, false, false, false, false, false, false];
        for (var i = 0; i < 10; i++) decisions.Add(new SuggestionDecision($"item{i}", "A", machine[i], human[i]));
        // Code B: perfect agreement.
        for (var i = 0; i < 10; i++) decisions.Add(new SuggestionDecision($"item{i}", "B", i < 4, i < 4));

        var report = SuggestionAudit.Assess(decisions);

        var a = report.Codes[0];
        Assert.Equal("A", a.Code);
        Assert.Equal(0.8, a.Agreement, 9);
        Assert.Equal(0.5238, a.Kappa.Kappa!.Value, 4);
        Assert.Equal((2, 1, 1, 6), (a.BothYes, a.MachineOnly, a.HumanOnly, a.BothNo));
        Assert.Equal(1.0, report.Codes[1].Kappa.Kappa!.Value, 9);
        Assert.Equal((0.5238 + 1.0) / 2, report.MacroKappa!.Value, 4);
    }

    [Fact]
    public void a_code_nobody_ever_applied_has_no_kappa_and_is_left_out_of_the_macro_average()
    {
        var decisions = Enumerable.Range(0, 5).SelectMany(i => new[]
        {
            new SuggestionDecision($"item{i}", "never", false, false),
            new SuggestionDecision($"item{i}", "half", i % 2 == 0, i % 2 == 0),
        });

        var report = SuggestionAudit.Assess(decisions);

        var never = report.Codes.Single(c => c.Code == "never");
        Assert.False(never.Kappa.IsDefined);
        Assert.Equal(1.0, never.Agreement);
        Assert.Equal(1.0, report.MacroKappa);
    }

    [Fact]
    public void the_same_item_and_code_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => SuggestionAudit.Assess(
        [
            new SuggestionDecision("item1", "A", true, true),
            new SuggestionDecision("item1", "A", false, true),
        ]));
}
