using Engage.Platform.Web;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Themes;

/// <summary>A candidate theme grouping problem statements; questions and seeds may come later, before concluding.</summary>
public record ThemeForm(string? Title, string? Description, Guid[]? ProblemIds, string[]? Prompts, string[]? Seeds)
{
    public ThemeDrafted Check(Seminars.Seminar seminar, Guid themeId)
    {
        var problems = (ProblemIds ?? []).Distinct().ToArray();
        var unknown = problems.Where(id => seminar.ProblemOf(id) is null).ToList();
        SeminarRules.Require(unknown.Count == 0, $"'problemIds' names problems this seminar does not have: {string.Join(", ", unknown)}.");
        SeminarRules.Require(problems.All(id => seminar.ProblemOf(id)!.MergedInto is null), "'problemIds' names a statement merged into another; use the one kept.");
        return new ThemeDrafted(themeId, SeminarRules.Text(Title, "title", SeminarRules.MaxShortText),
            SeminarRules.Text(Description, "description", SeminarRules.MaxLongText, required: false), problems,
            SeminarRules.Texts(Prompts, "prompts", 0, 10, 500), SeminarRules.Texts(Seeds, "seeds", 0, 20, SeminarRules.MaxStatement));
    }
}

public record DraftTheme(Guid SeminarId, ThemeForm Form);

public record ThemeCreated(Guid Id);

[MartenStore(typeof(ISeminarStore))]
public static class DraftThemeHandler
{
    public static (ThemeCreated, Events) Handle(DraftTheme command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "its themes are fixed");
        var drafted = command.Form.Check(found, Guid.CreateVersion7());
        return (new ThemeCreated(drafted.ThemeId), [drafted]);
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class DraftThemeEndpoint
{
    [WolverinePost("/api/seminars/{id}/themes")]
    public static Task<IResult> Post(Guid id, ThemeForm form, IMessageBus bus) =>
        ApiDoor.Invoke<ThemeCreated>(bus, new DraftTheme(id, form),
            created => ApiDoor.Created($"/api/seminars/{id}/themes/{created.Id}", created.Id));
}
