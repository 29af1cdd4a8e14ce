using System.Security.Claims;
using Engage.Platform;
using Engage.Platform.Accounts;
using Engage.Platform.Web;
using Engage.Platform.Wording;
using Engage.Workshop.Moderation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Workshop.Pages.Staff;

/// <summary>
/// A workshop's moderation queue, for moderators and programme staff: filtered by the check that held a post, its
/// theme, whether it was reported and why; each post with who reported it, its thread and its history; one decision
/// per post or one for many; and the count of decisions by reason.
/// </summary>
[Authorize(Roles = Roles.Moderators)]
public class ModerationModel(IWorkshopStore store, IDocumentStore platform, IMessageBus bus) : CommandPage(bus)
{
    public global::Engage.Workshop.Workshops.Workshop Workshop { get; private set; } = null!;
    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];
    public int Waiting { get; private set; }
    public IReadOnlyList<DecisionCount> Decisions { get; private set; } = [];
    /// <summary>Moderators' names for the history; staff names come from the Platform's accounts.</summary>
    public IReadOnlyDictionary<Guid, string> Moderators { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty(SupportsGet = true)] public string? Check { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    public QueueFilter Filter => new(Check, Theme, Source, Reason);
    public bool Filtered => Check is { Length: > 0 } || Theme is not null || Source is { Length: > 0 } || Reason is { Length: > 0 };

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<global::Engage.Workshop.Workshops.Workshop>(id) is not { } workshop) return false;
        Workshop = workshop;
        Queue = await ModerationQueue.LoadAsync(session, id, Filter);
        Waiting = Filtered ? (await ModerationQueue.LoadAsync(session, id, new QueueFilter())).Count : Queue.Count;
        Decisions = await ModerationEndpoint.Decisions(id, session);
        var moderatorIds = Queue.SelectMany(q => q.History).Select(h => h.ModeratorId).OfType<Guid>().Distinct().ToArray();
        if (moderatorIds.Length > 0)
        {
            await using var accounts = platform.QuerySession();
            Moderators = (await accounts.LoadManyAsync<StaffAccount>(moderatorIds)).ToDictionary(a => a.Id, a => a.DisplayName);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostModerateAsync(Guid id, Guid contributionId, string? decision, string? reason, string? text)
    {
        await Send(new ModerateContribution(contributionId, Me, new ModerationForm(decision, reason, text)), "Your decision is recorded.");
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostBulkAsync(Guid id, Guid[]? selected, string? bulkDecision, string? bulkReason)
    {
        await using (var session = store.QuerySession())
        {
            try
            {
                var result = await ModerateMany.Run(bus, session, id, Me, new BulkModerationForm(selected, bulkDecision, bulkReason));
                Done = $"Your decision is recorded for {Words.Count(result.Decided, "post")}.";
                foreach (var refused in result.Refused) Errors.Add(refused.Problem);
            }
            catch (RuleBroken broken) { Refused(broken); }
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
