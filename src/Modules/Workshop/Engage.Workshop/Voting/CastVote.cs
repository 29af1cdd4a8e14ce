using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Engage.Workshop.Contributions;
using Engage.Workshop.Participants;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Voting;

public record VoteForm(string? Vote);

public record CastVote(Guid ContributionId, Guid IdentityId, string? Vote);

/// <summary>
/// One participant's current vote on one contribution: a document whose id follows from the pair, so a
/// change of mind replaces it with one upsert and busy contributions never contend on a shared row.
/// What Analysis needs of the history (the latest vote and when) travels in <see cref="VoteCast"/>.
/// </summary>
public class Vote
{
    public Guid Id { get; set; }
    public Guid ContributionId { get; set; }
    public Guid WorkshopId { get; set; }
    public Guid ParticipantId { get; set; }
    public string Value { get; set; } = "";
    public DateTimeOffset CastAt { get; set; }

    public static Guid IdFor(Guid contributionId, Guid participantId)
    {
        Span<byte> pair = stackalloc byte[32];
        contributionId.TryWriteBytes(pair);
        participantId.TryWriteBytes(pair[16..]);
        return new Guid(System.Security.Cryptography.SHA256.HashData(pair).AsSpan(0, 16));
    }
}

[MartenStore(typeof(IWorkshopStore))]
public static class CastVoteHandler
{
    public static readonly string[] Values = ["agree", "disagree", "pass"];

    /// <summary>Everything a vote is checked against, in one round trip to the database.</summary>
    public static async Task<(Contribution?, Workshops.Workshop?, Registration?)> LoadAsync(CastVote command, IQuerySession session)
    {
        var batch = session.CreateBatchQuery();
        var contribution = batch.Load<Contribution>(command.ContributionId);
        var registrations = batch.Query<Registration>().Where(r => r.IdentityId == command.IdentityId).ToList();
        var open = batch.Query<Workshops.Workshop>().Where(w => w.Status == WorkshopStatus.Open).ToList();
        await batch.Execute();
        if (await contribution is not { } found) return (null, null, null);
        var workshop = (await open).FirstOrDefault(w => w.Id == found.WorkshopId) ?? await session.LoadAsync<Workshops.Workshop>(found.WorkshopId);
        return (found, workshop, (await registrations).FirstOrDefault(r => r.WorkshopId == found.WorkshopId));
    }

    public static (IMartenOp, OutgoingMessages) Handle(CastVote command, Contribution? contribution, Workshops.Workshop? workshop, Registration? voter,
        DateTimeOffset now)
    {
        // Held or rejected contributions are not public: to a voter they do not exist.
        RuleBroken.Unless(contribution is { Status: ContributionStatus.Published } && workshop is not null, "The contribution was not found.", 404);
        RuleBroken.Unless(voter is not null, "Join this workshop before voting in it.", 403);
        RuleBroken.Unless(workshop!.Status == WorkshopStatus.Open, $"The workshop is {workshop.Status}; votes are taken only while it is open.", 409);
        RuleBroken.Unless(Values.Contains(command.Vote), "'vote' must be \"agree\", \"disagree\" or \"pass\".");

        var vote = new Vote
        {
            Id = Vote.IdFor(contribution!.Id, voter!.Id), ContributionId = contribution.Id, WorkshopId = contribution.WorkshopId,
            ParticipantId = voter.Id, Value = command.Vote!, CastAt = now
        };
        return (MartenOps.Store(vote), [new VoteCast(contribution.Id, contribution.WorkshopId, voter.Id, command.Vote!, now)]);
    }
}

[EnableRateLimiting(PlatformModule.WriteRateLimit)]
[Authorize(Roles = Roles.Participant)]
public static class CastVoteEndpoint
{
    [WolverinePut("/api/contributions/{id}/vote")]
    public static Task<IResult> Put(Guid id, VoteForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke(bus, new CastVote(id, user.ParticipantIdentity()!.Value, form.Vote), Results.NoContent());
}
