using Engage.Platform.Web;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Themes;

public record ReviseTheme(Guid SeminarId, Guid ThemeId, ThemeForm Form);

[MartenStore(typeof(ISeminarStore))]
public static class ReviseThemeHandler
{
    public static Events Handle(ReviseTheme command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "its themes are fixed");
        SeminarRules.Require(found.ThemeOf(command.ThemeId) is not null, "The theme was not found.", 404);
        var checkedForm = command.Form.Check(found, command.ThemeId);
        return [new ThemeRevised(command.ThemeId, checkedForm.Title, checkedForm.Description, checkedForm.ProblemIds, checkedForm.Prompts, checkedForm.Seeds)];
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class ReviseThemeEndpoint
{
    [WolverinePut("/api/seminars/{id}/themes/{themeId}")]
    public static Task<IResult> Put(Guid id, Guid themeId, ThemeForm form, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new ReviseTheme(id, themeId, form), Results.NoContent());
}
