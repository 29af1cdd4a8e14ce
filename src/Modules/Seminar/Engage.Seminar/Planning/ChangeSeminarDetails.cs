using Engage.Platform.Web;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Planning;

public record ChangeSeminarDetails(Guid SeminarId, SeminarForm Form);

[MartenStore(typeof(ISeminarStore))]
public static class ChangeSeminarDetailsHandler
{
    public static Events Handle(ChangeSeminarDetails command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "its plan is part of the record");
        var details = command.Form.Details();
        var inUse = found.Invitees.Select(i => i.InterestGroup).Concat(found.Problems.Select(p => p.InterestGroup)).Distinct()
            .Where(g => !details.InterestGroups.Contains(g, StringComparer.OrdinalIgnoreCase)).ToList();
        SeminarRules.Require(inUse.Count == 0, $"These interest groups are in use and cannot be removed: {string.Join(", ", inUse)}.", 409);
        SeminarRules.Require(found.Invitees.All(i => i.Dots.Values.Sum() <= details.DotsPerAttendee),
            "Some attendees have already placed more dots than the new allowance.", 409);
        return [new SeminarDetailsChanged(details)];
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class ChangeSeminarDetailsEndpoint
{
    [WolverinePut("/api/seminars/{id}")]
    public static Task<IResult> Put(Guid id, SeminarForm form, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new ChangeSeminarDetails(id, form), Results.NoContent());
}
