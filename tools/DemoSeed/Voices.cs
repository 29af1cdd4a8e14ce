/// <summary>
/// What the demo's participants say, written for Engage's demo. A contribution is composed from
/// hand-written pieces (an opening, a point, the reason behind it, something from the writer's own work,
/// sometimes a closing line), so six hundred of them read like different people and never repeat.
/// Each point belongs to a strand: the code an analyst would give it, and the stance that decides
/// how each camp of voters tends to vote on it.
/// </summary>
static class Voices
{
    /// <summary>Stances the camps vote on; see <see cref="Camps"/>.</summary>
    public enum Stance { Regulate, KeepLocal, ProtectTime, EmployerFlex, NationalFunding, WiderScope, MedicalOversight, Common }

    public sealed record Strand(string Key, int Theme, Stance Stance, string Code, string Definition, string[] Points, string[] Reasons);

    public static readonly Strand[] Strands =
    [
        new("register", 0, Stance.Regulate, "A national register", "Calls for advanced practitioners to be registered or recorded nationally, by a regulator.",
        [
            "advanced practice should be regulated, with a national register that patients and employers can check",
            "the existing regulators should record advanced practice as an annotation on the professional register",
            "we need one public list of who is qualified as an ACP and in which area of practice",
            "an ACP should be recorded by the NMC, HCPC or GPhC in the same way, whatever their first profession",
            "regulation of the advanced level is overdue and should not wait for another review",
            "a register would let an employer check an ACP's qualification in minutes rather than chasing universities",
            "advanced practice needs statutory recognition, not just a voluntary directory",
            "the register should show the scope each ACP is qualified for, not just their name"
        ],
        [
            "at the moment anyone can call themselves advanced and nobody can check",
            "when I moved trusts nobody could confirm what my master's actually covered",
            "patients assume somebody has checked, and mostly nobody has",
            "three regulators doing it three ways is exactly why the title means so little",
            "it would protect the good practitioners from being judged by the worst",
            "other countries managed it years ago without the sky falling in"
        ]),
        new("title", 0, Stance.Regulate, "Protect the title", "The ACP title should mean one standard of education and scope everywhere.",
        [
            "the title 'Advanced Clinical Practitioner' should only be used by people who have completed an accredited master's level programme",
            "the ACP title should be protected in law, so it means the same in every trust",
            "job adverts should not be allowed to use the ACP title for posts that are really band 7 specialist roles",
            "there should be one definition of an ACP, and trusts should stop inventing their own versions",
            "the title needs to mean the same four pillars everywhere: clinical, leadership, education and research",
            "'advanced' has been stretched so far it has stopped telling anyone anything"
        ],
        [
            "I have seen the title given to people after a six-week course",
            "colleagues in other trusts with the same title do completely different jobs",
            "patients and doctors cannot tell what they are getting",
            "it undermines those of us who did the full programme while working full time",
            "recruiters use it to make a post sound more attractive than it is",
            "the confusion makes it harder to argue for proper pay"
        ]),
        new("oversight", 0, Stance.MedicalOversight, "Medical oversight", "Advanced practice should keep clear senior medical supervision and limits on scope.",
        [
            "ACPs should always work under the supervision of a named consultant, however experienced they are",
            "advanced practitioners should not replace doctors on rotas; they should add to the team",
            "the scope of an ACP should be agreed by the medical team it works in, not extended by the ACP alone",
            "patients with undifferentiated illness should still be reviewed by a doctor before discharge",
            "we should be careful that ACP roles are not used to fill gaps in the medical rota on the cheap",
            "there must be a clear escalation route to a senior doctor for every ACP working out of hours"
        ],
        [
            "diagnostic uncertainty is where training in medicine really matters",
            "I have seen juniors lose training opportunities to ACPs on the same unit",
            "when something goes wrong, the consultant is still the one held responsible",
            "some trainees are being signed off faster than their experience justifies",
            "good supervision protects the ACP as much as the patient",
            "the evidence on outcomes is still thin for some specialties"
        ]),
        new("scope", 0, Stance.WiderScope, "A wider scope of practice", "Advanced practitioners should be able to practise to the full extent of their training.",
        [
            "ACPs should be able to request imaging and refer onwards without a doctor countersigning",
            "every ACP who has completed the non-medical prescribing module should be able to prescribe within their scope",
            "advanced paramedics and physiotherapists should be able to discharge patients they have assessed",
            "ACPs should be allowed to practise to the full extent of what they were trained to do",
            "the rules on who can request a CT or sign a fit note are out of date for advanced practice",
            "ACPs should be able to lead a clinic of their own, with their own caseload"
        ],
        [
            "at present I wait for a doctor to sign something I assessed and decided myself",
            "it wastes a consultant's time and delays the patient",
            "we are trained to this level and then not trusted to use it",
            "in the community there is often no doctor to countersign at all",
            "the patient ends up seen twice for one decision",
            "it is the single biggest frustration my trainees describe"
        ]),
        new("local", 0, Stance.KeepLocal, "Local governance is enough", "Employers' own credentialing and governance should decide who practises at advanced level.",
        [
            "employers' own credentialing is enough; statutory regulation would add cost without making patients safer",
            "trusts should keep the freedom to define advanced roles that fit their services",
            "a national register would take years and would not change what happens on the ward",
            "local clinical governance and annual appraisal already catch poor practice at advanced level",
            "regulating a level of practice rather than a profession would be a first, and a risky one",
            "we should strengthen the governance we have rather than build a new regulatory layer"
        ],
        [
            "our trust already checks every ACP's competence portfolio each year",
            "the regulators are slow enough with what they already do",
            "the fees would land on practitioners who are already paying for their own study",
            "services differ so much that one national definition would not fit",
            "nobody has shown me the harm a register would prevent",
            "it could stop smaller organisations from creating roles at all"
        ]),
        new("patients", 0, Stance.Common, "Telling patients", "Patients should know who is treating them and what an ACP is.",
        [
            "patients should be told clearly when they are seen by an ACP and what that means",
            "every ACP should introduce themselves by their profession as well as their title",
            "there should be a short national leaflet explaining what an advanced clinical practitioner is",
            "name badges should show the ACP's registered profession, such as nurse or paramedic",
            "patients should be able to ask to see a doctor instead, and know how"
        ],
        [
            "my mother thought she had seen a doctor and was confused when the letter said otherwise",
            "most patients are happy to see an ACP once they understand the role",
            "honesty builds the trust the role depends on",
            "the public has never been told what this role is",
            "it avoids complaints that start with a misunderstanding"
        ]),
        new("supervision", 1, Stance.ProtectTime, "A named supervisor with time", "Every trainee needs a named clinical supervisor with protected time in both job plans.",
        [
            "every trainee ACP should have a named clinical supervisor with protected time in both job plans",
            "supervision for trainees should be timetabled weekly, not fitted in when the unit is quiet",
            "supervisors need training and recognition, not just a line in their job description",
            "a trainee should have one coordinating education supervisor and a clinical supervisor for each area of practice",
            "supervision should continue after qualifying, at least for the first two years",
            "consultant supervisors should have time for ACP supervision counted in their programmed activities"
        ],
        [
            "I had four supervisors in two years and none of them had time",
            "my supervisor was lovely but was never released from the rota",
            "without it trainees end up teaching themselves from textbooks",
            "the trainees who struggle most are the ones nobody has time for",
            "the quality of supervision decides whether a trainee finishes",
            "supervision done on goodwill disappears the moment the winter starts"
        ]),
        new("studytime", 1, Stance.ProtectTime, "Protected study time", "Trainees and qualified ACPs need study time that is actually protected.",
        [
            "protected study time should be written into the trainee contract and honoured",
            "trainee ACPs need at least one study day a week that cannot be cancelled for service pressures",
            "qualified ACPs should have protected time for continuing development and research",
            "study leave for the master's should be funded separately so the ward is not left short",
            "trusts should report how much of their trainees' study time was actually taken",
            "time for the academic work should not come out of annual leave"
        ],
        [
            "my study days were cancelled three weeks running over winter",
            "I wrote most of my dissertation on night shifts",
            "trainees are burning out trying to do two jobs at once",
            "the university assumes we have time that the trust never gives",
            "without it the research pillar of the role is just words",
            "I nearly left the programme because of it"
        ]),
        new("curricula", 1, Stance.Common, "Consistent programmes and assessment", "Programmes and assessment should meet one national standard.",
        [
            "every programme should be accredited against one national standard for advanced practice",
            "assessment of competence should use the same portfolio and the same capabilities in every university",
            "employers should be able to trust a qualification from any accredited programme",
            "the clinical assessment should be done in the workplace, with the university setting the standard",
            "there should be a national capability framework for each specialty, not just a generic one",
            "recognition of prior learning should be consistent, so experienced practitioners are not made to start again"
        ],
        [
            "two universities near us teach completely different things under the same name",
            "I had to redo modules when I changed employers",
            "the generic framework leaves too much to interpretation",
            "employers are currently re-assessing people who already qualified elsewhere",
            "it would make moving between regions far easier",
            "it would let us compare programmes honestly"
        ]),
        new("workbased", 1, Stance.EmployerFlex, "Learning on the job", "Work-based and apprenticeship routes, shaped by the employer, should be valued.",
        [
            "apprenticeship routes into advanced practice should be valued as much as full-time study",
            "employers should be able to shape the clinical content of training to their own service",
            "most learning happens on the job, so the workplace should lead and the university support",
            "short credentialed modules would let people build towards advanced practice over time",
            "training should be flexible enough for part-time staff and people with caring responsibilities"
        ],
        [
            "the levy is there and most trusts do not use it well",
            "a rural service needs different skills from a major trauma centre",
            "several of my best ACPs came through the apprenticeship route",
            "a rigid programme shuts out people who cannot take two years out",
            "the service knows best what it needs in five years' time"
        ]),
        new("backfill", 2, Stance.NationalFunding, "Funding and backfill", "Training and the trainee's post must both be funded, nationally.",
        [
            "funding for ACP training should cover backfill, not just the university fees",
            "national funding should follow the trainee, with a fixed amount for the post they leave",
            "primary care and the independent sector should get the same training funding as hospital trusts",
            "commissioners should fund ACP posts recurrently, not as a one-year pilot",
            "the funding for trainee places should be announced years ahead, not in the spring for the autumn",
            "trainees should not pay any of their own fees for a role the NHS needs"
        ],
        [
            "without backfill the team carries the gap and resents the trainee",
            "our practice cannot afford to release a nurse for two years",
            "every year the money arrives too late to recruit to",
            "pilot money ends and the post quietly disappears",
            "the fees are the small part of the real cost",
            "it is the main reason our trust stopped training ACPs"
        ]),
        new("career", 2, Stance.WiderScope, "A career pathway", "Advanced practice needs a next step: consultant practitioner posts, fair banding, progression.",
        [
            "there should be consultant-level advanced practice posts so ACPs can progress without leaving clinical work",
            "banding for ACPs should be set nationally, with 8a as the minimum for a qualified ACP",
            "ACPs should have a clear route into research, education and leadership roles",
            "a qualified ACP should have a job plan with time for all four pillars",
            "there should be a national job description for trainee, qualified and consultant ACPs",
            "advanced practitioners should be able to lead services and hold budgets"
        ],
        [
            "I hit the top of my band two years after qualifying",
            "the only way up is into management, and I want to stay clinical",
            "colleagues are leaving for agency work that pays better",
            "trainees ask me where this goes and I have no answer",
            "other professions have a clear ladder and we do not",
            "it is hard to recruit to a role with no future"
        ]),
        new("flex", 2, Stance.EmployerFlex, "Employer flexibility", "Employers should design and fund ACP roles to fit local need.",
        [
            "employers should decide how many ACPs they need, based on their own workforce plans",
            "banding should be left to employers, so roles can reflect the scope actually needed",
            "trusts should be free to create advanced roles in areas that national frameworks do not yet cover",
            "workforce plans for ACPs should be made by integrated care systems, not nationally",
            "employers should be able to share ACPs across organisations in a system"
        ],
        [
            "our demand is nothing like a city teaching hospital's",
            "national rules tend to arrive long after the need has changed",
            "a rigid banding rule would price us out of the role",
            "shared posts have worked well for us in urgent care",
            "local leaders know which gaps matter"
        ]),
        new("retention", 2, Stance.ProtectTime, "Keeping ACPs", "ACPs leave when the role is eroded: no development time, no recognition, no job plan.",
        [
            "trusts should protect the non-clinical parts of the ACP role so people stay",
            "exit interviews with ACPs should be collected nationally so we understand why they leave",
            "ACPs should have the same access to study leave and conference funding as medical colleagues",
            "an ACP's role should not be quietly turned back into a band 7 job when the service is busy",
            "retention of ACPs should be measured and reported by every employer"
        ],
        [
            "half of my cohort have moved on within three years",
            "the role gets eaten by the rota and people lose heart",
            "being treated as a cheap doctor is what makes people leave",
            "nobody notices until the post is empty",
            "it costs far more to train a new ACP than to keep one"
        ])
    ];

    public static readonly string[] Openers =
    [
        "", "", "", "", "", "In my experience, ", "Honestly, ", "I feel strongly that ", "From where I sit, ", "Speaking as a trainee, ",
        "For me the most important thing is that ", "I would go further: ", "Put simply, ", "After twelve years in the job I think ",
        "My view is that ", "I keep coming back to this: ", "The one change I would make: ", "It seems to me that ", "Realistically, ",
        "I know not everyone will agree, but "
    ];

    public static readonly string[] Settings = ["in an emergency department", "in general practice", "in a community team", "on an acute medical unit",
        "in a mental health trust", "in an ambulance service", "in critical care", "in a frailty service", "in a hospice", "in urgent treatment centres",
        "in a children's hospital", "in an orthopaedic service"];

    public static readonly string[] Experiences =
    [
        "I work {setting} and see this every week.", "This is based on six years {setting}.", "I trained {setting} and now supervise others there.",
        "I am {a profession} working {setting}.", "I have managed a team of ACPs {setting} for four years.", "We have eleven ACPs {setting} and the pattern is the same.",
        "I qualified last year {setting}.", "I teach on an advanced practice programme and hear this from most students.",
        "I sit on our trust's advanced practice forum.", "I lead a small team {setting}.", "I moved into advanced practice after fifteen years as {a profession}.",
        "", "", "", "", ""
    ];

    /// <summary>What patients and members of the public say of themselves: never a workplace.</summary>
    public static readonly string[] PublicExperiences =
    [
        "I was treated by an ACP last winter and only found out afterwards.", "My father sees an advanced practitioner at his GP surgery.",
        "I sit on a patient panel at our local hospital.", "As a carer I meet a lot of different clinicians.", "", "", ""
    ];

    public static readonly string[] Closers =
    [
        "", "", "", "", "", "", "Anything less will not change much.", "This would make a real difference.", "It is not complicated, it just needs deciding.",
        "I hope this is heard.", "Please do not let this be another report that sits on a shelf.", "Patients would notice the difference.",
        "That would be a good start.", "We have talked about this for long enough."
    ];

    public static readonly string[] ReplyOpeners =
    [
        "Agree completely. ", "Yes, and ", "I see it differently: ", "Same here. ", "This matches what I see. ", "Not in my area, but ",
        "I half agree. ", "Exactly this. ", "Interesting point. ", "I would add that "
    ];

    /// <summary>Contributions the automatic checks hold for a moderator: contact details people put in by mistake.</summary>
    public static readonly (int Theme, string Text)[] Held =
    [
        (1, "Happy to share our supervision framework with anyone who wants it, email me at k.marsh@example.org and I will send it over."),
        (2, "If anyone is recruiting ACPs in the South West please call me on 07700 900461, I am looking for a post with a proper job plan."),
        (0, "The register idea is good. We wrote a paper on it last year, see www.acp-register-proposal.co for the whole thing."),
        (1, "Our university runs the portfolio assessment differently, contact the programme office on 0113 496 0321 for the details."),
        (2, "I am collecting exit interviews from ACPs who have left, write to me at exitstudy(at)example.org if you are willing to help."),
        (0, "My patient, NHS number 943 476 5919, was upset that nobody explained who I was. We need better introductions.")
    ];

    /// <summary>Why participants report posts to a moderator.</summary>
    public static readonly string[] FlagReasons =
    [
        "This reads as a personal attack on doctors.", "It names a trust and a team, which could identify people.", "Off topic: this is about pay, not training.",
        "It is unkind about trainees.", "I think this is posted twice by the same person.", "Could identify a patient."
    ];

    /// <summary>Professions and how many of the 320 demo participants hold each; the camps follow from them.</summary>
    public static readonly (string Profession, int Count)[] Professions =
    [
        ("Nurse", 105), ("Physiotherapist", 34), ("Paramedic", 34), ("Pharmacist", 28), ("Occupational therapist", 12), ("Midwife", 8),
        ("Other allied health professional", 10), ("Doctor", 36), ("Manager", 26), ("Educator", 14), ("Patient or member of the public", 13)
    ];

    public static readonly (string Region, int Weight)[] Regions =
    [
        ("North East and Yorkshire", 18), ("North West", 14), ("Midlands", 16), ("East of England", 10), ("London", 14), ("South East", 12),
        ("South West", 9), ("Scotland", 3), ("Wales", 3), ("Northern Ireland", 1)
    ];

    public enum Camp { Practitioners, Doctors, Managers, Educators, Public }

    public static Camp CampOf(string profession) => profession switch
    {
        "Doctor" => Camp.Doctors,
        "Manager" => Camp.Managers,
        "Educator" => Camp.Educators,
        "Patient or member of the public" => Camp.Public,
        _ => Camp.Practitioners
    };

    /// <summary>
    /// How likely each camp is to agree with a point of each stance: the opinion structure the opinion groups
    /// should find (practitioners and doctors split on scope; managers against protected time and for flexibility).
    /// </summary>
    public static double AgreeChance(Camp camp, Stance stance) => (camp, stance) switch
    {
        (_, Stance.Common) => 0.85,
        (Camp.Practitioners, Stance.Regulate) => 0.85, (Camp.Practitioners, Stance.KeepLocal) => 0.15, (Camp.Practitioners, Stance.ProtectTime) => 0.92,
        (Camp.Practitioners, Stance.EmployerFlex) => 0.25, (Camp.Practitioners, Stance.NationalFunding) => 0.88, (Camp.Practitioners, Stance.WiderScope) => 0.9,
        (Camp.Practitioners, Stance.MedicalOversight) => 0.15,
        (Camp.Doctors, Stance.Regulate) => 0.8, (Camp.Doctors, Stance.KeepLocal) => 0.35, (Camp.Doctors, Stance.ProtectTime) => 0.55,
        (Camp.Doctors, Stance.EmployerFlex) => 0.45, (Camp.Doctors, Stance.NationalFunding) => 0.55, (Camp.Doctors, Stance.WiderScope) => 0.12,
        (Camp.Doctors, Stance.MedicalOversight) => 0.9,
        (Camp.Managers, Stance.Regulate) => 0.4, (Camp.Managers, Stance.KeepLocal) => 0.8, (Camp.Managers, Stance.ProtectTime) => 0.3,
        (Camp.Managers, Stance.EmployerFlex) => 0.9, (Camp.Managers, Stance.NationalFunding) => 0.92, (Camp.Managers, Stance.WiderScope) => 0.65,
        (Camp.Managers, Stance.MedicalOversight) => 0.4,
        (Camp.Educators, Stance.Regulate) => 0.75, (Camp.Educators, Stance.KeepLocal) => 0.3, (Camp.Educators, Stance.ProtectTime) => 0.9,
        (Camp.Educators, Stance.EmployerFlex) => 0.35, (Camp.Educators, Stance.NationalFunding) => 0.8, (Camp.Educators, Stance.WiderScope) => 0.6,
        (Camp.Educators, Stance.MedicalOversight) => 0.45,
        (Camp.Public, Stance.Regulate) => 0.92, (Camp.Public, Stance.KeepLocal) => 0.3, (Camp.Public, Stance.ProtectTime) => 0.6,
        (Camp.Public, Stance.EmployerFlex) => 0.4, (Camp.Public, Stance.NationalFunding) => 0.6, (Camp.Public, Stance.WiderScope) => 0.4,
        (Camp.Public, Stance.MedicalOversight) => 0.75,
        _ => 0.5
    };

    /// <summary>Which strands a camp tends to write about: people write what they believe.</summary>
    public static Strand PickStrand(Camp camp, Random random)
    {
        var weighted = Strands.Select(s => (s, w: AgreeChance(camp, s.Stance) * AgreeChance(camp, s.Stance))).ToList();
        var roll = random.NextDouble() * weighted.Sum(x => x.w);
        foreach (var (s, w) in weighted) if ((roll -= w) <= 0) return s;
        return weighted[^1].s;
    }

    public static string Compose(Strand strand, string profession, Random random)
    {
        var opener = Pick(Openers, random);
        if (profession is "Patient or member of the public" or "Manager" && opener.StartsWith("Speaking as a trainee")) opener = "";
        var point = Pick(strand.Points, random);
        var sentence = opener.Length == 0 ? Capitalise(point) : opener + point;
        sentence += random.Next(3) == 0 ? ", because " + Pick(strand.Reasons, random) + "." : ". " + Capitalise(Pick(strand.Reasons, random)) + ".";
        var experience = profession == "Patient or member of the public" ? Pick(PublicExperiences, random)
            : Pick(CampOf(profession) == Camp.Practitioners ? Experiences
                : Experiences.Where(e => !e.Contains("qualified") && !e.Contains("moved into") && !e.Contains("trained")).ToArray(), random)
                .Replace("{setting}", Pick(Settings, random)).Replace("{a profession}", Article(profession));
        var closer = Pick(Closers, random);
        return string.Join(" ", new[] { sentence, experience, closer }.Where(s => s.Length > 0));
    }

    public static string Reply(Strand strand, bool agrees, Random random)
    {
        var opener = agrees ? Pick(ReplyOpeners[..6], random) : Pick(["I see it differently: ", "Not in my area: ", "I half agree. ", "I am not sure. "], random);
        var others = Strands.Where(s => s.Theme == strand.Theme && (agrees ? s.Stance == strand.Stance : s.Stance != strand.Stance)).ToArray();
        var reason = agrees ? Pick(strand.Reasons, random) : Pick(others.SelectMany(s => s.Reasons).ToArray(), random);
        var text = opener.EndsWith(' ') && !opener.EndsWith(": ") && !opener.EndsWith(". ") ? opener + reason + "." : opener + Capitalise(reason) + ".";
        // Half the replies go on to say what the writer would do instead, or as well.
        if (random.Next(2) == 0 && others.Length > 0) text += " " + Pick(["What would help is this: ", "I would rather see this: ", "Better still, "], random) + Pick(Pick(others, random).Points, random) + ".";
        return text;
    }

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];
    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    private static string Article(string profession)
    {
        var lower = profession == "Other allied health professional" ? "allied health professional" : profession.ToLowerInvariant();
        return ("aeiou".Contains(lower[0]) ? "an " : "a ") + lower;
    }
}
