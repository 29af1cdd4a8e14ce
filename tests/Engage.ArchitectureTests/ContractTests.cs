namespace Engage.ArchitectureTests;

public class the_integration_events
{
    /// <summary>
    /// Wolverine stores an envelope's message type by the type's full name (docs/adr/0009), so these
    /// names are a persistence format: renaming one strands the envelopes already stored under it.
    /// Change this list only together with a migration of stored envelopes.
    /// </summary>
    private static readonly string[] Published =
    [
        "Engage.Seminar.Contracts.SeminarConcluded",
        "Engage.Workshop.Contracts.ContributionPublished",
        "Engage.Workshop.Contracts.ContributionModerated",
        "Engage.Workshop.Contracts.ContributionWithdrawn",
        "Engage.Workshop.Contracts.ParticipantRegistered",
        "Engage.Workshop.Contracts.ParticipantLeft",
        "Engage.Workshop.Contracts.ParticipantsImported",
        "Engage.Workshop.Contracts.VoteCast",
        "Engage.Workshop.Contracts.VotesImported",
        "Engage.Workshop.Contracts.WorkshopOpened",
        "Engage.Workshop.Contracts.WorkshopClosed",
        "Engage.Workshop.Contracts.WorkshopReopened",
        "Engage.Analysis.Contracts.AnalysisPublished",
        "Engage.Reporting.Contracts.ReportPublished",
        "Engage.Reporting.Contracts.RecommendationProgressRecorded"
    ];

    [Fact]
    public void keep_the_names_they_are_stored_under()
    {
        var names = Design.Modules.SelectMany(m => m.Contracts.GetTypes()).Select(t => t.FullName).ToList();
        Assert.All(Published, name => Assert.Contains(name, names));
    }

    [Fact]
    public void are_immutable_sealed_records_named_in_the_past_tense()
    {
        var events = Design.Modules.SelectMany(m => m.Contracts.GetTypes()).Where(t => Published.Contains(t.FullName)).ToList();
        Assert.Equal(Published.Length, events.Count);
        Assert.All(events, t =>
        {
            Assert.True(t.IsSealed, $"{t.Name} is not sealed");
            Assert.NotNull(t.GetMethod("<Clone>$")); // compiled only for records
            Assert.True(t.GetProperties().All(p => p.SetMethod is null || p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit")),
                $"{t.Name} has a settable property");
            Assert.True(IsPastTense(t.Name), $"{t.Name} is not named in the past tense");
        });
    }

    private static readonly string[] IrregularPast = ["Cast", "Sent", "Held", "Made", "Taken", "Written", "Done", "Set", "Put", "Begun", "Run", "Withdrawn", "Left"];

    private static bool IsPastTense(string name) => name.EndsWith("ed") || IrregularPast.Any(name.EndsWith);
}
