using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contracts;
using Engage.Workshop.Contributions;
using Engage.Workshop.Participants;
using Engage.Workshop.Voting;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Workshop.Imports;

public record ImportPolisConversation(string Title, string Attribution, PolisConversation Conversation);

public record ConversationImported(Guid WorkshopId, int Contributions, int Votes, int Participants);

/// <summary>
/// A past Polis conversation becomes a closed workshop: its comments as contributions (rejected ones
/// kept but not published), its voters as pseudonymous participants, each voter's last vote per
/// comment as their vote. Analysis hears of all of it through the outbox, as it would of a live
/// workshop; voters and votes travel in batches (<see cref="ParticipantsImported"/>, <see cref="VotesImported"/>) so the largest conversations
/// arrive in seconds. Everything is one transaction: an import is whole or absent. The work grows
/// linearly with the votes (bench/WorkshopLoad records 225,000 votes).
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
public static class ImportPolisConversationHandler
{
    public const int VoteBatch = 5_000;
    public const int ParticipantBatch = 2_000;

    public static (ConversationImported, OutgoingMessages) Handle(ImportPolisConversation command, IDocumentSession session, DateTimeOffset now)
    {
        var conversation = command.Conversation;
        var workshop = new Workshops.Workshop
        {
            Id = Guid.CreateVersion7(), Title = command.Title, Status = WorkshopStatus.Closed, CreatedAt = now,
            Attribution = command.Attribution, MinimumGroupSize = 10
        };
        var theme = new WorkshopTheme(Guid.CreateVersion7(), command.Title, "The conversation as it was held.", [], [], []);
        workshop.Themes.Add(theme);
        var (openedAt, closedAt) = ConversationDates(conversation, now);
        workshop.OpenedAt = workshop.OpensAt = openedAt;
        workshop.ClosesAt = workshop.ClosedAt = closedAt;
        session.Insert(workshop);

        var messages = new OutgoingMessages();
        var people = conversation.ParticipantIds.ToDictionary(id => id, id => Registered(workshop, id, now));
        session.Store(people.Values.ToArray());
        messages.AddRange(people.Values.Select(p => new ParticipantRegistered(p.Id, workshop.Id, p.Pseudonym, p.Profile, now, p.SourceId))
            .Chunk(ParticipantBatch).Select(batch => new ParticipantsImported(workshop.Id, batch)));

        var contributions = new Dictionary<string, (Guid Id, bool Published)>();
        foreach (var comment in conversation.Comments.OrderBy(c => c.PostedAt))
        {
            var author = people[comment.AuthorId];
            var id = Guid.CreateVersion7();
            var posted = new ContributionPosted(id, workshop.Id, theme.Id, null, author.Id, author.Pseudonym, comment.Text, comment.PostedAt, comment.Id);
            var published = comment.Moderation != PolisModeration.Rejected;
            contributions[comment.Id] = (id, published);
            if (published)
            {
                session.Events.StartStream<Contribution>(id, posted);
                messages.Add(new ContributionPublished(id, workshop.Id, theme.Id, null, comment.Text, author.Pseudonym, comment.PostedAt, author.Id, comment.Id));
            }
            else session.Events.StartStream<Contribution>(id, posted, new ContributionRejected(id, Guid.Empty, "rejected in the source conversation", now));
        }

        // Imported votes are final, so each is stored as its current state without a stream of changes,
        // written set-based in this same transaction (ImportedVotes), so the import stays whole or absent.
        var votes = conversation.Votes.Select(v =>
        {
            var (contributionId, _) = contributions[v.CommentId];
            var voter = people[v.VoterId].Id;
            return new Vote { Id = Vote.IdFor(contributionId, voter), ContributionId = contributionId, WorkshopId = workshop.Id, ParticipantId = voter, Value = v.Value, CastAt = v.CastAt };
        }).ToArray();
        ImportedVotes.Queue(session, workshop.Id, votes);
        var visible = contributions.Values.Where(c => c.Published).Select(c => c.Id).ToHashSet();
        messages.AddRange(votes.Where(v => visible.Contains(v.ContributionId))
            .Select(v => new VoteCast(v.ContributionId, workshop.Id, v.ParticipantId, v.Value, v.CastAt))
            .Chunk(VoteBatch).Select(batch => new VotesImported(workshop.Id, batch)));
        messages.Insert(0, WorkshopLifecycle.Opened(workshop, now));
        messages.Add(new WorkshopClosed(workshop.Id, closedAt));

        return (new ConversationImported(workshop.Id, contributions.Count, votes.Length, people.Count), messages);
    }

    /// <summary>
    /// When the conversation itself ran: its first and last comment or vote. The report says "from ... to ..."
    /// from these, so the day of the import must never stand in for them; only an empty conversation has no
    /// dates of its own and takes the import's.
    /// </summary>
    public static (DateTimeOffset OpenedAt, DateTimeOffset ClosedAt) ConversationDates(PolisConversation conversation, DateTimeOffset now)
    {
        var activity = conversation.Comments.Select(c => c.PostedAt).Concat(conversation.Votes.Select(v => v.CastAt)).ToList();
        return activity.Count > 0 ? (activity.Min(), activity.Max()) : (now, now);
    }

    private static Registration Registered(Workshops.Workshop workshop, string sourceId, DateTimeOffset now)
    {
        var registration = new Registration
        {
            Id = Guid.CreateVersion7(), WorkshopId = workshop.Id, SourceId = sourceId, RegisteredAt = now,
            // No one signs in as an imported voter; the id only keeps (workshop, identity) unique.
            IdentityId = ImportedIdentity(workshop.Id, sourceId)
        };
        registration.Pseudonym = Pseudonyms.For(registration.Id);
        return registration;
    }

    private static Guid ImportedIdentity(Guid workshopId, string sourceId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"import:{workshopId}:{sourceId}")).AsSpan(0, 16));
}

[Authorize(Roles = Roles.Programme)]
public static class ImportPolisConversationEndpoint
{
    public const long MaxFileBytes = 25 * 1024 * 1024;

    [WolverinePost("/api/workshops/imports/polis")]
    public static async Task<IResult> Post(HttpRequest request, IMessageBus bus)
    {
        if (!request.HasFormContentType)
            return Invalid("Send multipart/form-data with the files 'comments' and 'votes' (Polis export CSV).");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form.Files["comments"] is not { } comments || form.Files["votes"] is not { } votes)
            return Invalid("Both files are needed: 'comments' (comments.csv) and 'votes' (votes.csv).");
        if (comments.Length > MaxFileBytes || votes.Length > MaxFileBytes)
            return Results.Problem(statusCode: 413, title: "Too large", detail: $"Each file may hold at most {MaxFileBytes / 1024 / 1024} MB.");

        var title = form["title"].ToString().Trim();
        if (title.Length > 200) return Invalid("'title' must be at most 200 characters.");
        var attribution = form["attribution"].ToString().Trim();
        if (attribution.Length > 2000) return Invalid("'attribution' must be at most 2,000 characters.");

        try
        {
            var conversation = PolisFiles.Read(await Bytes(comments), await Bytes(votes));
            var command = new ImportPolisConversation(title.Length > 0 ? title : "Imported Polis conversation",
                attribution.Length > 0 ? attribution : "Imported from a Polis conversation export (pol.is).", conversation);
            return await ApiDoor.Invoke<ConversationImported>(bus, command, imported => Results.Created($"/api/workshops/{imported.WorkshopId}", imported));
        }
        catch (RuleBroken broken) { return ApiDoor.Problem(broken); }
    }

    private static IResult Invalid(string detail) => ApiDoor.Problem(new RuleBroken(400, detail));

    private static async Task<byte[]> Bytes(IFormFile file)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
