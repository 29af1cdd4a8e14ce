using Engage.Platform;
using Engage.Platform.Web;
using Engage.Reporting.Content;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Reporting.Reports;

public record NarrativeForm(string? Text);

/// <summary>Staff write a narrative section in Markdown; an empty text clears it. Kept as typed, made safe when rendered.</summary>
public record EditNarrative(Guid ReportId, string Section, string? Text);

[MartenStore(typeof(IReportingStore))]
public static class EditNarrativeHandler
{
    public static Task<Report?> LoadAsync(EditNarrative command, IQuerySession session) => session.LoadAsync<Report>(command.ReportId);

    public static IMartenOp Handle(EditNarrative command, Report? report, DateTimeOffset now)
    {
        RuleBroken.Unless(report is not null, "The report was not found.", 404);
        RuleBroken.Unless(NarrativeSections.Exists(command.Section, report!.Analysis),
            $"'{command.Section}' is not a narrative section of this report: use one of {string.Join(", ", NarrativeSections.Fixed.Select(f => f.Key))}, or theme-{{themeId}} for a theme of the report.");
        var text = (command.Text ?? "").Replace("\r\n", "\n").Trim();
        RuleBroken.Unless(text.Length <= NarrativeSections.MaxLength, $"'text' is at most {NarrativeSections.MaxLength:N0} characters.");
        if (report.NarrativeOf(command.Section) == text) return MartenOps.Nothing();
        if (text.Length == 0) report.Narrative.Remove(command.Section);
        else report.Narrative[command.Section] = text;
        report.Status = ReportStatus.Draft;
        report.UpdatedAt = now;
        return MartenOps.Store(report);
    }
}

[MartenStore(typeof(IReportingStore))]
[Authorize(Roles = Roles.Programme)]
public static class EditNarrativeEndpoint
{
    [WolverinePut("/api/reports/{id}/narrative/{section}")]
    public static Task<IResult> Put(Guid id, string section, NarrativeForm form, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new EditNarrative(id, section, form.Text), Results.NoContent());
}
