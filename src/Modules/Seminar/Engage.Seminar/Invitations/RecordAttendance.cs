using Engage.Platform.Web;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Invitations;

/// <summary>The register on the day: who came.</summary>
public record RecordAttendance(Guid SeminarId, Guid InviteeId, bool Attended);

public record AttendanceForm(bool Attended);

[MartenStore(typeof(ISeminarStore))]
public static class RecordAttendanceHandler
{
    public static Events Handle(RecordAttendance command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar, DateTimeOffset now)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "the register is closed");
        SeminarRules.Require(found.InviteeOf(command.InviteeId) is not null, "The invitee was not found.", 404);
        return [new AttendanceRecorded(command.InviteeId, command.Attended, now)];
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class RecordAttendanceEndpoint
{
    [WolverinePut("/api/seminars/{id}/invitees/{inviteeId}/attendance")]
    public static Task<IResult> Put(Guid id, Guid inviteeId, AttendanceForm form, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new RecordAttendance(id, inviteeId, form.Attended), Results.NoContent());
}
