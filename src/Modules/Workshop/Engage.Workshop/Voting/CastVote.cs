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
/// One participant's vote on one contribution: its own small stream (id derived from the pair), so a
/// change of mind is kept as history and busy contributions do not contend on one stream. The inline
/// snapshot is the current vote.
/// </summary>
public class Vote
{
    public Guid Id { get; set; }
    public Guid ContributionId { get; set; }
    public Guid WorkshopId { get; set; }
    public Guid ParticipantId { get; set; }
    public string Value { get; set; } = "";
    public DateTimeOffset CastAt { get; set; }

    public static Vote Create(VoteChanged e) => new() { Id = e.VoteId, ContributionId = e.ContributionId, WorkshopId = e.WorkshopId, ParticipantId = e.ParticipantId, Value = e.Value, CastAt = e.At };

    public void Apply(VoteChanged e)
    {
        Value = e.Value;
        CastAt = e.At;
    }

    public static Guid IdFor(Guid contributionId, Guid participantId)
    {
        Span<byte> pair = stackalloc byte[32];
        contributionId.TryWriteBytes(pair);
        participantId.TryWriteBytes(pair[16..]);
        return new Guid(System.Security.Cryptography.SHA256.HashData(pair).AsSpan(0, 16));
    }
}

public record VoteChanged(Guid VoteId, Guid ContributionId, Guid WorkshopId, Guid ParticipantId, string Value, DateTimeOffset At);

[MartenStore(typeof(IWorkshopStore))]
public static class CastVoteHandler
{
    public static readonly string[] Values = ["agree", "disagree", "pass"];

    public static Task<(Contribution?, Workshops.Workshop?, Registration?)> LoadAsync(CastVote command, IQuerySession session) =>
        session.ContributionInContext(command.ContributionId, command.IdentityId);

    public static OutgoingMessages Handle(CastVote command, Contribution? contribution, Workshops.Workshop? workshop, Registration? voter,
        IDocumentSession session, DateTimeOffset now)
    {
        // Held or rejected contributions are not public: to a voter they do not exist.
        RuleBroken.Unless(contribution is { Status: ContributionStatus.Published } && workshop is not null, "The contribution was not found.", 404);
        RuleBroken.Unless(voter is not null, "Join this workshop before voting in it.", 403);
        RuleBroken.Unless(workshop!.Status == WorkshopStatus.Open, $"The workshop is {workshop.Status}; votes are taken only while it is open.", 409);
        RuleBroken.Unless(Values.Contains(command.Vote), "'vote' must be \"agree\", \"disagree\" or \"pass\".");

        var voteId = Vote.IdFor(contribution!.Id, voter!.Id);
        session.Events.Append(voteId, new VoteChanged(voteId, contribution.Id, contribution.WorkshopId, voter.Id, command.Vote!, now));
        return [new VoteCast(contribution.Id, contribution.WorkshopId, voter.Id, command.Vote!, now)];
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
