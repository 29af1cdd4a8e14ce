using Engage.Seminar.Planning;
using Engage.Seminar.Seminars;

namespace Engage.Seminar.Pages.Seminars;

/// <summary>The plan form as people type it: agenda and groups one a line.</summary>
public class DetailsInput
{
    public string? Title { get; set; }
    public string? Purpose { get; set; }
    public DateTime? StartsAt { get; set; }
    public SeminarFormat Format { get; set; }
    public string? Venue { get; set; }
    public string? JoiningLink { get; set; }
    public string? Agenda { get; set; }
    public string? InterestGroups { get; set; } = string.Join("\n", SeminarRules.DefaultInterestGroups);
    public int DotsPerAttendee { get; set; } = SeminarRules.DefaultDots;

    public SeminarForm ToForm() => new(Title, Purpose, StartsAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        Format, Venue, JoiningLink,
        (InterestGroups ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        DotsPerAttendee,
        (Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(p => new AgendaItem(p.ElementAtOrDefault(0) ?? "", p.ElementAtOrDefault(1) ?? "", p.ElementAtOrDefault(2) ?? "")).ToArray());

    public static DetailsInput From(Seminar.Seminars.Seminar s) => new()
    {
        Title = s.Title, Purpose = s.Purpose, StartsAt = s.StartsAt?.UtcDateTime, Format = s.Format, Venue = s.Venue,
        JoiningLink = s.JoiningLink, DotsPerAttendee = s.DotsPerAttendee, InterestGroups = string.Join("\n", s.InterestGroups),
        Agenda = string.Join("\n", s.Agenda.Select(a => $"{a.Time} | {a.Title} | {a.Lead}"))
    };
}
