using System.Text;
using Engage.Platform.SignInLinks;
using Engage.Workshop.Contributions;
using Engage.Workshop.Participants;
using Engage.Workshop.Workshops;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Workshop.Engagement;

/// <summary>Sent daily by Hangfire: a digest to each participant who opted in, when there is something to tell.</summary>
public record SendDigests;

/// <summary>Sent hourly by Hangfire: one reminder to those who opted in, in the last two days before a workshop closes.</summary>
public record SendClosingReminders;

public record Digest(IReadOnlyList<Contribution> Replies, IReadOnlyList<(Contribution Contribution, int Agree)> Popular);

[MartenStore(typeof(IWorkshopStore))]
public static class DigestsHandler
{
    /// <summary>
    /// Replies to the reader's contributions since their last digest, and the three most agreed ideas
    /// posted in the last day that are not theirs. Empty digests are not sent.
    /// </summary>
    public static Digest Compose(Registration reader, IReadOnlyList<Contribution> published, IReadOnlyDictionary<Guid, Tally> tallies, DateTimeOffset now)
    {
        var since = reader.LastDigestAt ?? reader.RegisteredAt;
        var mine = published.Where(c => c.AuthorId == reader.Id).Select(c => c.Id).ToHashSet();
        var replies = published.Where(c => c.ParentId is { } p && mine.Contains(p) && c.AuthorId != reader.Id && c.PostedAt > since).OrderBy(c => c.PostedAt).ToList();
        var popular = published.Where(c => c.ParentId is null && c.AuthorId != reader.Id && c.PostedAt > now.AddDays(-1) && tallies.GetValueOrDefault(c.Id, Tally.None).Agree > 0)
            .Select(c => (c, tallies[c.Id].Agree)).OrderByDescending(x => x.Item2).Take(3).ToList();
        return new Digest(replies, popular);
    }

    public static async Task<OutgoingMessages> Handle(SendDigests _, IDocumentSession session, IOptions<SiteOptions> site, DateTimeOffset now)
    {
        var messages = new OutgoingMessages();
        foreach (var workshop in await session.Query<Workshops.Workshop>().Where(w => w.Status == WorkshopStatus.Open).ToListAsync())
        {
            var readers = await session.Query<Registration>().Where(r => r.WorkshopId == workshop.Id && r.EmailUpdates).ToListAsync();
            if (readers.Count == 0) continue;
            var published = await session.Query<Contribution>().Where(c => c.WorkshopId == workshop.Id && c.Status == ContributionStatus.Published).ToListAsync();
            var tallies = await ContributionListing.TalliesAsync(session, workshop.Id);
            foreach (var reader in readers)
            {
                var digest = Compose(reader, published, tallies, now);
                reader.LastDigestAt = now;
                session.Store(reader);
                if (digest.Replies.Count + digest.Popular.Count == 0) continue;
                messages.Add(new MailParticipant(reader.IdentityId, $"Your daily digest: {workshop.Title}", Text(workshop, digest, site.Value.PublicUrl)));
            }
        }
        return messages;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static string Text(Workshops.Workshop workshop, Digest digest, string publicUrl)
    {
        var text = new StringBuilder($"Here is what happened in \"{workshop.Title}\" since your last digest.\n\n");
        if (digest.Replies.Count > 0)
        {
            text.AppendLine("Replies to what you wrote:");
            foreach (var reply in digest.Replies) text.AppendLine($"- {reply.Pseudonym}: {Shorten(reply.Text)}");
            text.AppendLine();
        }
        if (digest.Popular.Count > 0)
        {
            text.AppendLine("New ideas people are agreeing with:");
            foreach (var (idea, agree) in digest.Popular) text.AppendLine($"- {Shorten(idea.Text)} ({agree} agree)");
            text.AppendLine();
        }
        text.AppendLine($"Take part: {publicUrl.TrimEnd('/')}/take-part/{workshop.Id}");
        text.AppendLine("You get this because you asked for updates when you joined. To stop them, delete your data from the workshop page, or ask the programme team.");
        return text.ToString();
    }
}

[MartenStore(typeof(IWorkshopStore))]
public static class ClosingRemindersHandler
{
    public static readonly TimeSpan ReminderLead = TimeSpan.FromDays(2);

    public static async Task<OutgoingMessages> Handle(SendClosingReminders _, IDocumentSession session, IOptions<SiteOptions> site, DateTimeOffset now)
    {
        var soon = now + ReminderLead;
        var closing = await session.Query<Workshops.Workshop>()
            .Where(w => w.Status == WorkshopStatus.Open && w.ClosesAt != null && w.ClosesAt <= soon && w.ClosingReminderSentAt == null).ToListAsync();
        var messages = new OutgoingMessages();
        foreach (var workshop in closing)
        {
            // Marked in the same transaction as the mails are queued: a second run finds nothing to do.
            workshop.ClosingReminderSentAt = now;
            session.Store(workshop);
            var readers = await session.Query<Registration>().Where(r => r.WorkshopId == workshop.Id && r.EmailUpdates).ToListAsync();
            messages.AddRange(readers.Select(r => new MailParticipant(r.IdentityId, $"Closing soon: {workshop.Title}",
                $"""
                 The workshop "{workshop.Title}" closes on {workshop.ClosesAt:dddd d MMMM 'at' HH:mm} UTC.
                 There is still time to add your views, and to vote on ideas you have not seen yet:
                 {site.Value.PublicUrl.TrimEnd('/')}/take-part/{workshop.Id}

                 You get this because you asked for updates when you joined.
                 """)));
        }
        return messages;
    }

}
