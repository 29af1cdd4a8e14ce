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

    /// <summary>
    /// The question as a name for a group of people in figures: its text without the "Your" it is asked
    /// with ("Your profession" -> "Profession", "Years in practice" stays), never the key.
    /// </summary>
    public static string LabelOf(Question question)
    {
        var text = question.Text.Trim().TrimEnd('?', ':');
        if (text.StartsWith("Your ", StringComparison.OrdinalIgnoreCase) && text.Length > 5) text = char.ToUpperInvariant(text[5]) + text[6..];
        return text.Length == 0 ? Platform.Wording.Words.Humanise(question.Key) : text;
    }
}
