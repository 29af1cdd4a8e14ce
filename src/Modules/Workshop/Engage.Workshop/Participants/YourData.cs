using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.SignInLinks;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Engage.Workshop.Contributions;
using Engage.Workshop.Voting;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Participants;

public record DataContribution(Guid Id, Guid ThemeId, Guid? ParentId, string Text, string Status, DateTimeOffset PostedAt, DateTimeOffset? EditedAt);

public record DataVote(Guid ContributionId, string Vote, DateTimeOffset CastAt);

/// <summary>Everything the workshop holds about one participant (their email is held by the sign-in service, and shown to them there).</summary>
public record YourData(Guid WorkshopId, string WorkshopTitle, string Pseudonym, IReadOnlyDictionary<string, string> Profile, bool ShowProfession,
    bool EmailUpdates, DateTimeOffset RegisteredAt, IReadOnlyList<DataContribution> Contributions, IReadOnlyList<DataVote> Votes);

public record DeleteYourData(Guid WorkshopId, Guid IdentityId);

public static class YourDataQueries
{
    public static async Task<YourData?> ExportAsync(IQuerySession session, Guid workshopId, Guid identity)
    {
        if (await session.LoadAsync<Workshops.Workshop>(workshopId) is not { } workshop || await session.RegistrationOf(workshopId, identity) is not { } me) return null;
        var contributions = await session.Query<Contribution>().Where(c => c.WorkshopId == workshopId && c.AuthorId == me.Id).OrderBy(c => c.PostedAt).ToListAsync();
        var votes = await session.Query<Vote>().Where(v => v.ParticipantId == me.Id).OrderBy(v => v.CastAt).ToListAsync();
        return new YourData(workshop.Id, workshop.Title, me.Pseudonym, me.Profile, me.ShowProfession, me.EmailUpdates, me.RegisteredAt,
            contributions.Select(c => new DataContribution(c.Id, c.ThemeId, c.ParentId, c.Text, c.Status.ToString().ToLowerInvariant(), c.PostedAt, c.EditedAt)).ToList(),
            votes.Select(v => new DataVote(v.ContributionId, v.Value, v.CastAt)).ToList());
    }
}

/// <summary>
/// A participant deletes themselves from a workshop: their profile, votes and registration go. Their
/// contributions stay without any link to them (shown as "Former participant") or are removed, as the
/// workshop's policy says. Analysis is told either way; with no workshop left, their sign-in identity goes too.
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
public static class DeleteYourDataHandler
{
    public const string FormerParticipant = "Former participant";

    public static async Task<OutgoingMessages> Handle(DeleteYourData command, IDocumentSession session, DateTimeOffset now)
    {
        var workshop = await session.LoadAsync<Workshops.Workshop>(command.WorkshopId);
        var me = workshop is null ? null : await session.RegistrationOf(command.WorkshopId, command.IdentityId);
        RuleBroken.Unless(workshop is not null && me is not null, "You have no data in this workshop.", 404);

        var remove = workshop!.OnDeletion == DeletionPolicy.Remove;
        var theirs = await session.Query<Contribution>().Where(c => c.WorkshopId == workshop.Id && c.AuthorId == me!.Id).ToListAsync();
        foreach (var c in theirs)
        {
            if (remove) session.Events.Append(c.Id, new ContributionWithdrawnByAuthor(c.Id, now));
            else session.Events.Append(c.Id, new ContributionAnonymised(c.Id, FormerParticipant, now));
        }
        session.DeleteWhere<Vote>(v => v.ParticipantId == me!.Id);
        session.Delete(me!);

        var others = await session.Query<Registration>().CountAsync(r => r.IdentityId == command.IdentityId && r.WorkshopId != workshop.Id);
        OutgoingMessages messages = [new ParticipantLeft(me!.Id, workshop.Id, remove ? theirs.Select(c => c.Id).ToList() : [], now,
            remove ? [] : theirs.Select(c => c.Id).ToList())];
        if (others == 0) messages.Add(new ForgetParticipant(command.IdentityId));
        return messages;
    }
}

[MartenStore(typeof(IWorkshopStore))]
[Authorize(Roles = Roles.Participant)]
public static class YourDataEndpoint
{
    [WolverineGet("/api/workshops/{id}/me")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session) =>
        await YourDataQueries.ExportAsync(session, id, user.ParticipantIdentity()!.Value) is { } data
            ? Results.Json(data, statusCode: 200)
            : ApiDoor.Problem(new RuleBroken(404, "You have no data in this workshop."));

    [WolverineDelete("/api/workshops/{id}/me")]
    public static Task<IResult> Delete(Guid id, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new DeleteYourData(id, user.ParticipantIdentity()!.Value), Results.NoContent());
}
