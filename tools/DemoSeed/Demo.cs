/// <summary>
/// The demo engagement: Health Education England's conversation on educating, training, supporting
/// and regulating Advanced Clinical Practitioners. The statements are written for Engage's demo.
/// </summary>
static class Demo
{
    public const string SeminarTitle = "Advanced Clinical Practice: framing the national conversation";

    public const string Purpose =
        "Leaders of the professions, professional bodies, regulators, employers, education providers and patient voices " +
        "frame the problems the national workshop on Advanced Clinical Practitioners will explore.";

    public static readonly object[] Agenda =
    [
        new { time = "10:00", title = "Welcome and purpose", lead = "Chair" },
        new { time = "10:20", title = "Framing the problems, in mixed groups", lead = "Facilitators" },
        new { time = "11:30", title = "Grouping the problems into themes", lead = "Facilitators" },
        new { time = "12:15", title = "Dot vote and agreeing the workshop's questions", lead = "Chair" }
    ];

    /// <summary>Fictional leaders, one per interest group; the patient voice and the commissioner sent apologies.</summary>
    public static readonly (string Name, string Organisation, string Group, string Role, bool Attended)[] Leaders =
    [
        ("Amara Okafor", "Royal College of Nursing", "Nursing", "Professional lead", true),
        ("Ben Hughes", "Chartered Society of Physiotherapy", "Allied health professions", "Practice lead", true),
        ("Chloe Patel", "Royal Pharmaceutical Society", "Pharmacy", "Education director", true),
        ("Dan Morgan", "College of Paramedics", "Paramedics", "Head of development", true),
        ("Erin Walsh", "Academy of Medical Royal Colleges", "Medicine", "Clinical adviser", true),
        ("Femi Adeyemi", "Nursing and Midwifery Council", "Regulators", "Policy manager", true),
        ("Grace Lee", "Leeds Teaching Hospitals NHS Trust", "Employers", "Chief nurse", true),
        ("Hassan Ali", "University of Huddersfield", "Education providers", "Programme director", true),
        ("Isla Brown", "Healthwatch", "Patients and the public", "Volunteer", false),
        ("Jack Evans", "West Yorkshire ICB", "Commissioners", "Workforce lead", false)
    ];

    public static readonly (string Key, string Text, string Group)[] Problems =
    [
        ("titles", "The title 'Advanced Clinical Practitioner' is used for roles with very different levels of education and scope.", "Professional bodies"),
        ("regulation", "No single regulator recognises advanced practice, so patients cannot check what an ACP is qualified to do.", "Regulators"),
        ("supervision", "Trainee ACPs often have no protected time with a named clinical supervisor.", "Nursing"),
        ("funding", "Employers fund the master's programme but cannot backfill the trainee's post.", "Employers"),
        ("curricula", "University programmes differ in content and assessment, so a qualification from one is not trusted by another employer.", "Education providers"),
        ("careers", "After qualifying, ACPs find no next step in their career and leave for other roles.", "Allied health professions"),
        ("patients", "Patients are not told when they are seen by an ACP rather than a doctor, or what that means for their care.", "Patients and the public")
    ];

    public sealed record Theme(string Title, string Description, string[] ProblemKeys, string[] Prompts, string[] Seeds);

    public static readonly Theme[] Themes =
    [
        new("Recognising and regulating advanced practice",
            "What should be recognised nationally, and by whom, so that the title means the same everywhere?",
            ["titles", "regulation", "patients"],
            ["What would make the ACP title trustworthy to patients and colleagues?", "Who should hold a register of advanced practitioners?"],
            ["A national register of ACPs, held by the existing regulators, would let patients check what an ACP may do."]),
        new("Education, training and supervision",
            "How should ACPs be educated and supervised so that every programme prepares them to the same standard?",
            ["supervision", "curricula", "funding"],
            ["What support did you, or the trainees you work with, need most?", "How should programmes and assessment be aligned?"],
            ["Every trainee ACP should have a named supervisor with protected time written into both job plans."]),
        new("Careers and workforce planning",
            "How can employers plan, fund and keep advanced practice roles?",
            ["careers", "funding"],
            ["What would make you stay in an advanced practice role?", "How should employers plan ACP posts?"],
            ["Consultant-level advanced practice posts would give ACPs a career path that keeps them in clinical work."])
    ];
}
