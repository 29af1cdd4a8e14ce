using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contributions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Participants;

public record EmailUpdatesForm(bool EmailUpdates);

/// <summary>
/// A signed-in participant changes their mind about email: the digest, the closing reminder and "what we heard"
/// for each published report. Joining was the only place to ask, so someone who wanted to hear what came of the
/// workshop but had not ticked the box then could never ask to hear back.
/// </summary>
public record ChangeEmailUpdates(Guid WorkshopId, Guid IdentityId, bool EmailUpdates);

[MartenStore(typeof(IWorkshopStore))]
public static class ChangeEmailUpdatesHandler
{
    public static Task<Registration?> LoadAsync(ChangeEmailUpdates command, IQuerySession session) =>
        session.RegistrationOf(command.WorkshopId, command.IdentityId);

    public static IMartenOp Handle(ChangeEmailUpdates command, Registration? me)
    {
        RuleBroken.Unless(me is not null, "You have not joined this workshop.", 404);
        if (me!.EmailUpdates == command.EmailUpdates) return MartenOps.Nothing();
        me.EmailUpdates = command.EmailUpdates;
        return MartenOps.Store(me);
    }
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Participant)]
public static class ChangeEmailUpdatesEndpoint
{
    [WolverinePut("/api/workshops/{id}/me/email-updates")]
    public static Task<IResult> Put(Guid id, EmailUpdatesForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new ChangeEmailUpdates(id, user.ParticipantIdentity()!.Value, form.EmailUpdates), Results.NoContent());
}
