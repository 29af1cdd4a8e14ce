using System.Globalization;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Participants;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Workshop.Pages.Staff;

public class ThemeInput
{
    public Guid? Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Prompts { get; set; }
    public string? Seeds { get; set; }
}

/// <summary>
/// Setting up the workshop the seminar drafted: words, dates, moderation, the minimum group size,
/// themes, and (before anyone joins) the profile questions. The rules are the API's (SetUpWorkshop).
/// </summary>
[Authorize(Roles = Roles.Programme)]
public class SetupModel(IWorkshopStore store, IMessageBus bus) : CommandPage(bus)
{
    public global::Engage.Workshop.Workshops.Workshop Workshop { get; private set; } = null!;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Introduction { get; set; }
    [BindProperty] public string? ConsentText { get; set; }
    [BindProperty] public string? OpensAt { get; set; }
    [BindProperty] public string? ClosesAt { get; set; }
    [BindProperty] public ModerationMode Moderation { get; set; }
    [BindProperty] public int? MinimumGroupSize { get; set; }
    [BindProperty] public List<ThemeInput> Themes { get; set; } = [];
    [BindProperty] public string? Questions { get; set; }

    private const string TimeFormat = "yyyy-MM-ddTHH:mm";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var w = Workshop;
        (Title, Introduction, ConsentText, Moderation, MinimumGroupSize) = (w.Title, w.Introduction, w.ConsentText, w.Moderation, w.MinimumGroupSize);
        (OpensAt, ClosesAt) = (w.OpensAt?.UtcDateTime.ToString(TimeFormat), w.ClosesAt?.UtcDateTime.ToString(TimeFormat));
        Themes = w.Themes.Select(t => new ThemeInput { Id = t.Id, Title = t.Title, Description = t.Description, Prompts = string.Join("\n", t.Prompts), Seeds = string.Join("\n", t.Seeds) }).ToList();
        Questions = string.Join("\n", w.ProfileQuestions.Select(q => $"{q.Key} | {q.Text} | {string.Join("; ", q.Options)}"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Inputs["title"] = "Title";
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            var themes = Themes.Where(t => !string.IsNullOrWhiteSpace(t.Title) || t.Id is not null)
                .Select(t => new ThemeSettings(t.Id, t.Title, t.Description, Lines(t.Prompts), Lines(t.Seeds))).ToList();
            var questions = Workshop.Status == WorkshopStatus.Draft ? ParseQuestions(Questions) : null;
            var settings = new WorkshopSettings(Title, Introduction, ConsentText, Time(OpensAt, "opensAt"), Time(ClosesAt, "closesAt"), Moderation, MinimumGroupSize, themes, questions);
            return await Send(new SetUpWorkshop(id, settings)) ? Redirect($"/workshops/{id}") : Page();
        }
        catch (RuleBroken broken)
        {
            // The form's own parsing (times, question lines) breaks rules before anything is sent.
            Refused(broken);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        Workshop = (await session.LoadAsync<global::Engage.Workshop.Workshops.Workshop>(id))!;
        return Workshop is not null;
    }

    private static List<string> Lines(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static DateTimeOffset? Time(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTime.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero) : throw new RuleBroken(400, $"'{field}' must be a date and time.");

    /// <summary>One question per line: "key | question | option; option; ...".</summary>
    private static List<ProfileQuestions.Question> ParseQuestions(string? text) => Lines(text).Select((line, i) =>
    {
        var parts = line.Split('|').Select(p => p.Trim()).ToArray();
        RuleBroken.Unless(parts.Length == 3, $"Profile question line {i + 1} needs three parts: key | question | options separated by ';'.");
        return new ProfileQuestions.Question(parts[0], parts[1], parts[2].Split(';').Select(o => o.Trim()).Where(o => o.Length > 0).ToArray());
    }).ToList();
}
