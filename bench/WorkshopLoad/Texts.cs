namespace Engage.WorkshopLoad;

/// <summary>
/// Short, varied contributions of the kind clinicians post in a workshop on advanced practice, put
/// together from parts so that thousands of them are not all the same sentence.
/// </summary>
public static class Texts
{
    private static readonly string[] Openings =
    [
        "In my trust", "On our ward", "In primary care", "From my experience as a trainee", "As a supervisor",
        "In the emergency department", "In community nursing", "Where I work", "In our region", "For paramedics like me"
    ];

    private static readonly string[] Observations =
    [
        "protected study time is the first thing to go when rotas are short",
        "supervisors are rarely given time in their job plan to supervise",
        "the route to the advanced practice credential is unclear to most staff",
        "there is no agreed scope of practice, so each team makes its own",
        "trainees pay for their own modules and travel",
        "the title advanced practitioner is used for very different roles",
        "prescribing rights arrive long after the rest of the training",
        "competence portfolios are checked differently in every trust",
        "patients do not know what an advanced practitioner can do",
        "funding for the master's degree depends on the postcode",
        "there is no career step after qualifying, so people leave",
        "mentors from medicine and nursing disagree on what to assess"
    ];

    private static readonly string[] Proposals =
    [
        "a national register would help", "job plans should include supervision sessions",
        "one shared portfolio across trusts would save time", "employers should fund the whole programme",
        "a clear scope of practice per specialty is needed", "regulation should protect the title",
        "study leave should be ring-fenced", "peer review groups would support new practitioners",
        "patients should be told plainly who is treating them", "the credential should count towards pay banding"
    ];

    private static readonly string[] Endings = ["", ".", " - please act on this.", ". I would welcome views.", ". This matters for retention.", ". It affects patient safety."];

    public static string Contribution(Random random) =>
        $"{random.Pick(Openings)}, {random.Pick(Observations)}; {random.Pick(Proposals)}{random.Pick(Endings)}";

    private static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
