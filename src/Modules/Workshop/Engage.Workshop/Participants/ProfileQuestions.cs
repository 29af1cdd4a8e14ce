namespace Engage.Workshop.Participants;

/// <summary>
/// The profile questions people answer when they join, seeded for the Advanced Clinical Practice
/// conversation. Answers are optional; they are only ever reported for groups above the minimum size.
/// </summary>
public static class ProfileQuestions
{
    public sealed record Question(string Key, string Text, string[] Options);

    public static readonly Question[] Acp =
    [
        new("profession", "Your profession", ["Nurse", "Midwife", "Physiotherapist", "Paramedic", "Pharmacist", "Occupational therapist",
            "Doctor", "Other allied health professional", "Manager", "Educator", "Patient or member of the public", "Other"]),
        new("role", "Your role", ["Trainee advanced clinical practitioner", "Advanced clinical practitioner", "Supervisor or educator",
            "Manager or employer", "Other"]),
        new("setting", "Where you work", ["Hospital", "Primary care", "Community", "Mental health", "Ambulance service", "Education", "Other"]),
        new("region", "Your region", ["North East and Yorkshire", "North West", "Midlands", "East of England", "London", "South East", "South West",
            "Scotland", "Wales", "Northern Ireland"]),
        new("yearsInPractice", "Years in practice", ["Under 5", "5 to 10", "11 to 20", "Over 20"])
    ];
}
