namespace Engage.Seminar.Seminars;

public enum SeminarStatus { Planned, Concluded }
public enum SeminarFormat { InPerson, Online, Hybrid }
public enum Rsvp { NoReply, Accepted, Declined }

/// <summary>
/// A seminar's event stream folded into its current state (an inline snapshot in schema seminar).
/// Every change is an event, so the record of who framed which problem is complete. A whole room
/// writes to this one stream on the day, so handlers take it exclusively (a row lock for the
/// transaction): writers queue instead of failing Marten's version check.
/// </summary>
public class Seminar
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateTimeOffset? StartsAt { get; set; }
    public SeminarFormat Format { get; set; }
    public string Venue { get; set; } = "";
    public string JoiningLink { get; set; } = "";
    public List<string> InterestGroups { get; set; } = [];
    public int DotsPerAttendee { get; set; } = SeminarRules.DefaultDots;
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<Invitee> Invitees { get; set; } = [];
    public List<ProblemStatement> Problems { get; set; } = [];
    public List<SeminarTheme> Themes { get; set; } = [];
    public SeminarStatus Status { get; set; }
    public List<Guid> AgreedThemeIds { get; set; } = [];
    public DateTimeOffset? ConcludedAt { get; set; }

    public Invitee? InviteeOf(Guid id) => Invitees.FirstOrDefault(i => i.Id == id);
    public ProblemStatement? ProblemOf(Guid id) => Problems.FirstOrDefault(p => p.Id == id);
    public SeminarTheme? ThemeOf(Guid id) => Themes.FirstOrDefault(t => t.Id == id);

    public static Seminar Create(SeminarPlanned e) => new()
    {
        Id = e.SeminarId, Title = e.Details.Title, Purpose = e.Details.Purpose, StartsAt = e.Details.StartsAt,
        Format = e.Details.Format, Venue = e.Details.Venue, JoiningLink = e.Details.JoiningLink,
        InterestGroups = [.. e.Details.InterestGroups], DotsPerAttendee = e.Details.DotsPerAttendee, Agenda = [.. e.Details.Agenda]
    };

    public void Apply(SeminarDetailsChanged e)
    {
        Title = e.Details.Title; Purpose = e.Details.Purpose; StartsAt = e.Details.StartsAt; Format = e.Details.Format;
        Venue = e.Details.Venue; JoiningLink = e.Details.JoiningLink; InterestGroups = [.. e.Details.InterestGroups];
        DotsPerAttendee = e.Details.DotsPerAttendee; Agenda = [.. e.Details.Agenda];
    }

    public void Apply(InviteeAdded e) =>
        Invitees.Add(new Invitee(e.InviteeId, e.Name, e.Email, e.Organisation, e.InterestGroup, e.Role, Rsvp.NoReply, false, null, null, new Dictionary<Guid, int>()));

    public void Apply(InvitationSent e) => Update(e.InviteeId, i => i with { InvitedAt = e.At });
    public void Apply(ReminderSent e) => Update(e.InviteeId, i => i with { RemindedAt = e.At });
    public void Apply(RsvpRecorded e) => Update(e.InviteeId, i => i with { Rsvp = e.Accepted ? Rsvp.Accepted : Rsvp.Declined });
    public void Apply(AttendanceRecorded e) => Update(e.InviteeId, i => i with { Attended = e.Attended });
    public void Apply(DotsPlaced e) => Update(e.InviteeId, i => i with { Dots = new Dictionary<Guid, int>(e.Dots) });

    public void Apply(ProblemSubmitted e) => Problems.Add(new ProblemStatement(e.ProblemId, e.Text, e.WhyItMatters, e.WhoIsAffected,
        e.InterestGroup, e.InviteeId, e.SubmittedAt, null));

    public void Apply(ProblemsMerged e)
    {
        for (var i = 0; i < Problems.Count; i++)
            if (e.MergedProblemIds.Contains(Problems[i].Id)) Problems[i] = Problems[i] with { MergedInto = e.KeptProblemId };
        // Themes follow the merge: a theme that grouped a duplicate now groups the statement kept.
        for (var i = 0; i < Themes.Count; i++)
            Themes[i] = Themes[i] with
            {
                ProblemIds = Themes[i].ProblemIds.Select(id => e.MergedProblemIds.Contains(id) ? e.KeptProblemId : id).Distinct().ToList()
            };
    }

    public void Apply(ThemeDrafted e) => Themes.Add(new SeminarTheme(e.ThemeId, e.Title, e.Description, [.. e.ProblemIds], [.. e.Prompts], [.. e.Seeds]));

    public void Apply(ThemeRevised e)
    {
        var index = Themes.FindIndex(t => t.Id == e.ThemeId);
        Themes[index] = new SeminarTheme(e.ThemeId, e.Title, e.Description, [.. e.ProblemIds], [.. e.Prompts], [.. e.Seeds]);
    }

    public void Apply(ThemesAgreed e)
    {
        Status = SeminarStatus.Concluded;
        AgreedThemeIds = [.. e.ThemeIds];
        ConcludedAt = e.At;
    }

    private void Update(Guid inviteeId, Func<Invitee, Invitee> change)
    {
        var index = Invitees.FindIndex(i => i.Id == inviteeId);
        if (index >= 0) Invitees[index] = change(Invitees[index]);
    }
}

public record SeminarDetails(string Title, string Purpose, DateTimeOffset? StartsAt, SeminarFormat Format, string Venue,
    string JoiningLink, IReadOnlyList<string> InterestGroups, int DotsPerAttendee, IReadOnlyList<AgendaItem> Agenda);

public record AgendaItem(string Time, string Title, string Lead);

public record Invitee(Guid Id, string Name, string Email, string Organisation, string InterestGroup, string Role, Rsvp Rsvp,
    bool Attended, DateTimeOffset? InvitedAt, DateTimeOffset? RemindedAt, IReadOnlyDictionary<Guid, int> Dots);

/// <summary>A problem framed at the seminar. <see cref="MergedInto"/> is set when a facilitator merged it as a duplicate.</summary>
public record ProblemStatement(Guid Id, string Text, string WhyItMatters, string WhoIsAffected, string InterestGroup,
    Guid? InviteeId, DateTimeOffset SubmittedAt, Guid? MergedInto);

public record SeminarTheme(Guid Id, string Title, string Description, IReadOnlyList<Guid> ProblemIds,
    IReadOnlyList<string> Prompts, IReadOnlyList<string> Seeds);

public record SeminarPlanned(Guid SeminarId, SeminarDetails Details, Guid PlannedBy);
public record SeminarDetailsChanged(SeminarDetails Details);
public record InviteeAdded(Guid InviteeId, string Name, string Email, string Organisation, string InterestGroup, string Role);
public record InvitationSent(Guid InviteeId, DateTimeOffset At);
public record ReminderSent(Guid InviteeId, DateTimeOffset At);
public record RsvpRecorded(Guid InviteeId, bool Accepted, DateTimeOffset At);
public record AttendanceRecorded(Guid InviteeId, bool Attended, DateTimeOffset At);
public record ProblemSubmitted(Guid ProblemId, string Text, string WhyItMatters, string WhoIsAffected, string InterestGroup,
    Guid? InviteeId, DateTimeOffset SubmittedAt);
public record ProblemsMerged(Guid KeptProblemId, Guid[] MergedProblemIds, DateTimeOffset At);
public record ThemeDrafted(Guid ThemeId, string Title, string Description, Guid[] ProblemIds, string[] Prompts, string[] Seeds);
public record ThemeRevised(Guid ThemeId, string Title, string Description, Guid[] ProblemIds, string[] Prompts, string[] Seeds);
public record DotsPlaced(Guid InviteeId, Dictionary<Guid, int> Dots, DateTimeOffset At);
public record ThemesAgreed(Guid[] ThemeIds, DateTimeOffset At);
