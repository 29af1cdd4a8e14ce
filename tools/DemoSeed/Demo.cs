/// <summary>
/// The demo engagement: Health Education England's conversation on educating, training, supporting
/// and regulating Advanced Clinical Practitioners. Everything here is written for Engage's demo; the
/// people and organisations' staff are fictional.
/// </summary>
static class Demo
{
    public const string SeminarTitle = "Advanced Clinical Practice: framing the national conversation";

    public const string Purpose =
        "Leaders of the professions, professional bodies, regulators, employers, education providers and patient voices " +
        "frame the problems the national workshop on Advanced Clinical Practitioners will explore.";

    public static readonly (string Email, string Name, string Role)[] Team =
    [
        ("facilitator@demo.engage.local", "Rachel Dunn", "Facilitator"),
        ("programme@demo.engage.local", "Owen Price", "ProgrammeStaff"),
        ("moderator@demo.engage.local", "Sana Mirza", "Moderator"),
        ("analyst.one@demo.engage.local", "Priya Shah", "Analyst"),
        ("analyst.two@demo.engage.local", "Tom Reid", "Analyst")
    ];

    public static readonly object[] Agenda =
    [
        new { time = "10:00", title = "Welcome and purpose", lead = "Chair" },
        new { time = "10:20", title = "Framing the problems, in mixed groups", lead = "Facilitators" },
        new { time = "11:30", title = "Grouping the problems into themes", lead = "Facilitators" },
        new { time = "12:15", title = "Dot vote and agreeing the workshop's questions", lead = "Chair" }
    ];

    public sealed record Leader(string Name, string Organisation, string Group, string Role, bool? Reply, bool Attended, int[] Dots)
    {
        public string Email => $"{Name.Split(' ')[0].ToLowerInvariant()}.{Name.Split(' ')[1].ToLowerInvariant()}@example.org";
    }

    /// <summary>
    /// Fictional leaders, one or two per interest group. Most accepted; two declined; one never replied; one
    /// who accepted did not come. Dots (five each) over the four candidate themes, in the order of <see cref="Themes"/>.
    /// </summary>
    public static readonly Leader[] Leaders =
    [
        new("Amara Okafor", "Royal College of Nursing", "Nursing", "Professional lead", true, true, [1, 3, 1, 0]),
        new("Ben Hughes", "Chartered Society of Physiotherapy", "Allied health professions", "Practice lead", true, true, [1, 2, 2, 0]),
        new("Chloe Patel", "Royal Pharmaceutical Society", "Pharmacy", "Education director", true, true, [2, 2, 1, 0]),
        new("Dan Morgan", "College of Paramedics", "Paramedics", "Head of development", true, true, [1, 1, 3, 0]),
        new("Erin Walsh", "Academy of Medical Royal Colleges", "Medicine", "Clinical adviser", true, true, [3, 1, 0, 1]),
        new("Femi Adeyemi", "Nursing and Midwifery Council", "Regulators", "Policy manager", true, true, [4, 1, 0, 0]),
        new("Grace Lee", "Leeds Teaching Hospitals NHS Trust", "Employers", "Chief nurse", true, true, [0, 1, 4, 0]),
        new("Hassan Ali", "University of Huddersfield", "Education providers", "Programme director", true, true, [0, 4, 0, 1]),
        new("Isla Brown", "Healthwatch", "Patients and the public", "Volunteer", true, true, [3, 0, 0, 2]),
        new("Jack Evans", "West Yorkshire ICB", "Commissioners", "Workforce lead", false, false, [0, 0, 0, 0]),
        new("Kemi Bello", "Royal College of Midwives", "Midwifery", "Professional adviser", true, false, [0, 0, 0, 0]),
        new("Liam Foster", "Health and Care Professions Council", "Regulators", "Head of policy", true, true, [3, 0, 1, 1]),
        new("Maya Singh", "Sheffield Teaching Hospitals", "Employers", "Director of workforce", true, true, [0, 1, 3, 1]),
        new("Noah Clarke", "Royal College of Physicians", "Medicine", "Registrar", false, false, [0, 0, 0, 0]),
        new("Olivia Grant", "Patient Voices North", "Patients and the public", "Chair", null, false, [0, 0, 0, 0])
    ];

    /// <summary>Problem statements written on the day through each attendee's link; some say the same thing twice.</summary>
    public static readonly (string Key, string By, string Text, string Why, string Who)[] Problems =
    [
        ("titles", "femi.adeyemi@example.org", "The title 'Advanced Clinical Practitioner' is used for roles with very different levels of education and scope.",
            "Nobody can tell what an ACP in one trust may do in another.", "Patients, employers, ACPs"),
        ("titles2", "isla.brown@example.org", "The same job title hides very different training: patients cannot tell what an ACP is.",
            "People think they have seen a doctor.", "Patients and carers"),
        ("regulation", "liam.foster@example.org", "No single regulator recognises advanced practice, so patients cannot check what an ACP is qualified to do.",
            "Three regulators treat the level differently.", "Regulators, patients"),
        ("regulation2", "erin.walsh@example.org", "Advanced practice sits outside professional regulation, so accountability for its scope is unclear.",
            "Consultants carry the risk without a clear framework.", "Doctors, ACPs"),
        ("supervision", "amara.okafor@example.org", "Trainee ACPs often have no protected time with a named clinical supervisor.",
            "Trainees teach themselves and some leave the programme.", "Trainees, supervisors"),
        ("supervision2", "ben.hughes@example.org", "Supervision of trainees depends on goodwill and disappears when services are busy.",
            "Winter pressures cancel it first.", "Trainees"),
        ("studytime", "chloe.patel@example.org", "Study days are cancelled for service pressures, so trainees do the academic work in their own time.",
            "It drives burnout and drop-out.", "Trainees, employers"),
        ("funding", "grace.lee@example.org", "Employers fund the master's programme but cannot backfill the trainee's post.",
            "Teams carry the gap and stop releasing people.", "Employers, teams"),
        ("funding2", "maya.singh@example.org", "Training money arrives late and year by year, so posts cannot be planned.",
            "Recruitment to trainee posts starts too late.", "Employers, commissioners"),
        ("curricula", "hassan.ali@example.org", "University programmes differ in content and assessment, so a qualification from one is not trusted by another employer.",
            "Qualified ACPs are re-assessed when they move.", "ACPs, employers, universities"),
        ("careers", "dan.morgan@example.org", "After qualifying, ACPs find no next step in their career and leave for other roles.",
            "Experience walks out of the door.", "ACPs, employers"),
        ("primary", "dan.morgan@example.org", "Primary care and ambulance services find it hardest to release and supervise trainees.",
            "The need for ACPs is greatest there.", "Primary care, ambulance services"),
        ("patients", "isla.brown@example.org", "Patients are not told when they are seen by an ACP rather than a doctor, or what that means for their care.",
            "Trust depends on honesty about who is treating you.", "Patients and the public"),
        ("scope", "erin.walsh@example.org", "It is unclear which decisions an ACP may take alone, such as requesting imaging or discharging.",
            "Decisions are delayed or duplicated.", "ACPs, doctors, patients")
    ];

    /// <summary>The facilitator merges problems that say the same thing, keeping the first.</summary>
    public static readonly (string Keep, string[] Merged)[] Duplicates =
    [
        ("titles", ["titles2"]), ("regulation", ["regulation2"]), ("supervision", ["supervision2"])
    ];

    public sealed record Theme(string Title, string Description, string[] ProblemKeys, string[] Prompts, string[] Seeds, bool Carried);

    /// <summary>Four candidate themes; the dot vote carries the first three to the workshop.</summary>
    public static readonly Theme[] Themes =
    [
        new("Recognising and regulating advanced practice",
            "What should be recognised nationally, and by whom, so that the title means the same everywhere?",
            ["titles", "regulation", "patients", "scope"],
            ["What would make the ACP title trustworthy to patients and colleagues?", "Who should hold a register of advanced practitioners?"],
            ["A national register of ACPs, held by the existing regulators, would let patients check what an ACP may do."], true),
        new("Education, training and supervision",
            "How should ACPs be educated and supervised so that every programme prepares them to the same standard?",
            ["supervision", "studytime", "curricula"],
            ["What support did you, or the trainees you work with, need most?", "How should programmes and assessment be aligned?"],
            ["Every trainee ACP should have a named supervisor with protected time written into both job plans."], true),
        new("Careers, funding and workforce planning",
            "How can employers plan, fund and keep advanced practice roles?",
            ["careers", "funding", "primary"],
            ["What would make you stay in an advanced practice role?", "How should ACP posts and training be funded and planned?"],
            ["Consultant-level advanced practice posts would give ACPs a career path that keeps them in clinical work."], true),
        new("Telling the public about advanced practice",
            "How should the public learn what advanced practitioners do?",
            ["patients"], ["What should patients be told?"], [], false)
    ];

    public const string WorkshopIntroduction =
        "Health Education England wants to hear from everyone who works with, trains, employs or is cared for by Advanced Clinical Practitioners. " +
        "Share your ideas under each theme, reply to others, and agree or disagree with what they wrote. You are anonymous to other participants.";

    private static readonly Dictionary<string, string> Roles = new()
    {
        ["Manager"] = "Manager or employer", ["Educator"] = "Supervisor or educator", ["Patient or member of the public"] = "Other", ["Doctor"] = "Supervisor or educator"
    };

    private static readonly Dictionary<string, string[]> WorkPlaces = new()
    {
        ["Paramedic"] = ["Ambulance service", "Primary care", "Hospital"], ["Pharmacist"] = ["Primary care", "Hospital", "Community"],
        ["Educator"] = ["Education"], ["Doctor"] = ["Hospital", "Primary care"]
    };

    /// <summary>A profile as people fill it in: profession always, region usually, the rest often.</summary>
    public static Dictionary<string, string> Profile(string profession, Random random)
    {
        var profile = new Dictionary<string, string> { ["profession"] = profession };
        var roll = random.Next(Voices.Regions.Sum(r => r.Weight));
        foreach (var (region, weight) in Voices.Regions)
            if ((roll -= weight) < 0) { profile["region"] = region; break; }
        if (random.Next(10) == 0) profile.Remove("region");
        if (profession != "Patient or member of the public")
        {
            profile["role"] = Roles.GetValueOrDefault(profession) ?? (random.Next(3) == 0 ? "Trainee advanced clinical practitioner" : "Advanced clinical practitioner");
            var places = WorkPlaces.GetValueOrDefault(profession) ?? ["Hospital", "Hospital", "Primary care", "Community", "Mental health"];
            profile["setting"] = places[random.Next(places.Length)];
            profile["yearsInPractice"] = new[] { "Under 5", "5 to 10", "11 to 20", "Over 20" }[random.Next(4)];
        }
        return profile;
    }

    public static readonly (string Title, string Description, string Audience, string Priority, string[] Strands)[] Recommendations =
    [
        ("Record advanced practice on the professional registers",
            "The NMC, HCPC and GPhC should agree one way to record advanced practice, and its area, on their registers, so patients and employers can check it.",
            "national-bodies", "high", ["register", "title"]),
        ("Fund backfill for every trainee ACP post",
            "National training funding should include the cost of backfilling the trainee's post, be announced two years ahead, and reach primary care and ambulance services on the same terms.",
            "national-bodies", "high", ["backfill"]),
        ("Publish a national job description and banding floor",
            "A national job description for trainee, qualified and consultant-level ACPs, with band 8a as the floor for a qualified ACP.",
            "national-bodies", "medium", ["career", "title"]),
        ("Write supervision into both job plans",
            "Every trainee ACP has a named clinical supervisor, and both job plans show the protected time for supervision, reviewed each quarter.",
            "employers", "high", ["supervision", "studytime"]),
        ("Agree the scope of each ACP role with the medical team",
            "Employers agree each ACP's scope and escalation route with the medical team it works in, and review it yearly as the ACP gains experience.",
            "employers", "medium", ["oversight", "scope"]),
        ("Introduce yourself by your profession",
            "ACPs tell patients who they are and what their registered profession is, and offer a doctor where the patient asks for one.",
            "individuals", "medium", ["patients"]),
        ("Keep a portfolio of capability against the national framework",
            "Trainee and qualified ACPs keep their portfolio mapped to the national capability framework, so a move between employers does not mean starting again.",
            "individuals", "low", ["curricula"])
    ];

    public static readonly (string Section, string Text)[] Narrative =
    [
        ("summary",
            "Over two weeks, people from every profession that practises at an advanced level, with their employers, educators and patients, told us how Advanced Clinical Practitioners should be educated, supported and regulated.\n\n" +
            "Most agree on the basics: the title should mean one standard everywhere, and trainees need supervision and study time that is actually protected. " +
            "They divide on scope: practitioners want to use the full extent of their training, while many doctors want firm medical oversight. Employers want national money but local freedom."),
        ("background",
            "The conversation began with a seminar of leaders from the professions, regulators, employers, universities and patient groups, who framed the problems and agreed three themes for the national workshop."),
        ("next-steps",
            "Health Education England will take the recommendations for national bodies to the regulators and the Department of Health and Social Care, and report back here on what is done about each one.")
    ];

    /// <summary>What was done about the first recommendations since publication: index into the published list, progress, note.</summary>
    public static readonly (int Index, string Progress, string Note)[] Progress =
    [
        (0, "in-progress", "The three regulators have formed a joint working group; its first meeting is booked."),
        (1, "planned", "Backfill will be part of next year's training funding round."),
        (3, "done", "Both job plan templates now include protected supervision time.")
    ];

    public const string FollowUpTitle = "Trainee ACPs in primary care: a follow-up conversation";
    public const string FollowUpPurpose = "Primary care leaders frame what practices need to train and keep ACPs.";
    public const string FollowUpProblem = "GP practices struggle to release, supervise and fund trainee ACPs.";
    public static readonly (string Title, string Description, string Prompt)[] FollowUpThemes =
    [
        ("Supervising trainees in general practice", "How can a small practice give a trainee the supervision they need?", "What would make supervision work in your practice?"),
        ("Funding and sharing posts across practices", "How could practices share the cost and the trainee?", "Would a shared trainee post work for you?")
    ];
    public const string FollowUpIntroduction = "A short follow-up on what general practice needs to train and keep Advanced Clinical Practitioners. Join and share your view.";
}
