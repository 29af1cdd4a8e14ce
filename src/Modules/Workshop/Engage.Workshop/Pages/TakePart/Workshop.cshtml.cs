using Microsoft.Extensions.DependencyInjection;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contributions;
using Engage.Workshop.Moderation;
using Engage.Workshop.Participants;
using Engage.Workshop.Voting;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Engage.Workshop.Pages.TakePart;

/// <summary>
/// The workshop as participants see it: its themes, and one theme at a time with its threads, a page
/// of 20 at a time. Anyone may read an open workshop; joining, posting, replying, voting, flagging,
/// editing and withdrawing go through the same message handlers as the API.
/// </summary>
[EnableRateLimiting(PlatformModule.WriteRateLimit)]
[AllowAnonymous]
public class WorkshopModel(IWorkshopStore store, IMessageBus bus, IOptions<ContributionOptions> options, TimeProvider clock) : CommandPage(bus)
{
    public const int PageSize = 20;

    public Workshops.Workshop Workshop { get; private set; } = null!;
    public Registration? Me { get; private set; }
    public Workshops.WorkshopTheme? Theme { get; private set; }
    /// <summary>This page of the theme's top-level contributions in the chosen order; their replies are in <see cref="Replies"/>.</summary>
    public IReadOnlyList<ListedContribution> Threads { get; private set; } = [];
    public ILookup<Guid, ListedContribution> Replies { get; private set; } = Enumerable.Empty<ListedContribution>().ToLookup(c => c.Id);
    public int ThreadCount { get; private set; }
    public IReadOnlyDictionary<Guid, int> CountByTheme { get; private set; } = new Dictionary<Guid, int>();
    /// <summary>The reader's own contributions still inside the edit window.</summary>
    public HashSet<Guid> Changeable { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "newest";
    [BindProperty(SupportsGet = true, Name = "theme")] public Guid? ThemeId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public int Pages => Math.Max(1, (ThreadCount + PageSize - 1) / PageSize);
    public string? Email { get; private set; }

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Workshops.Workshop>(id) is not { } workshop || workshop.Status == Workshops.WorkshopStatus.Draft) return false;
        Workshop = workshop;
        Me = User.ParticipantIdentity() is { } identity ? await session.RegistrationOf(id, identity) : null;
        if (!ContributionListing.Sorts.Contains(Sort)) Sort = "newest";
        Theme = workshop.Themes.FirstOrDefault(t => t.Id == ThemeId);
        if (Theme is null)
        {
            CountByTheme = await ContributionListing.CountByThemeAsync(session, id);
            return true;
        }
        PageNumber = Math.Max(1, PageNumber);
        var read = await ContributionListing.ReadAsync(session, id, Theme.Id, Me?.Id, Sort, (PageNumber - 1) * PageSize, PageSize, threads: true);
        (ThreadCount, Threads, Replies) = (read.Total, read.Rows, read.Replies);
        var since = clock.GetUtcNow() - TimeSpan.FromMinutes(options.Value.EditWindowMinutes);
        Changeable = Me is null ? [] : (await session.Query<Contribution>()
            .Where(c => c.WorkshopId == id && c.AuthorId == Me.Id && c.PostedAt >= since && c.Status == ContributionStatus.Published).Select(c => c.Id).ToListAsync()).ToHashSet();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Similar contributions while someone types (htmx asks; without JavaScript the page simply never shows them).</summary>
    public async Task<IActionResult> OnGetSimilarAsync(Guid id, Guid themeId, string? text)
    {
        await using var session = store.QuerySession();
        var similar = string.IsNullOrWhiteSpace(text) || text.Length > PostContributionHandler.MaxLength ? []
            : await SimilarContributions.FindAsync(text, id, themeId, session,
                HttpContext.RequestServices.GetRequiredService<Engage.Embeddings.TextEmbeddings>(), HttpContext.RequestServices.GetRequiredService<ThemeVectorIndex>());
        return Partial("_Similar", (id, themeId, similar));
    }

    public Task<IActionResult> OnPostJoinAsync(Guid id, string? email, bool consent, Dictionary<string, string>? profile, bool showProfession, bool emailUpdates)
    {
        Email = email;
        return Run(id, new RegisterParticipant(id, new JoinForm(email, consent, profile, showProfession, emailUpdates)),
            "Thank you. Check your email for a link to sign in and take part.");
    }

    public async Task<IActionResult> OnPostPostAsync(Guid id, Guid themeId, Guid? parentId, string? text)
    {
        if (User.ParticipantIdentity() is not { } identity) return Challenge();
        ThemeId = themeId;
        Inputs["text"] = parentId is { } parent ? $"reply-{parent}" : "text";
        if (await Ask<ContributionAccepted>(new PostContribution(id, themeId, new ContributionForm(text, parentId), identity)) is { } accepted)
            Done = Thanks(accepted, parentId is null ? "Thank you: your contribution is posted." : "Thank you: your reply is posted.");
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostVoteAsync(Guid id, Guid contributionId, string? vote) =>
        AsParticipant(identity => Run(id, new CastVote(contributionId, identity, vote), "Your vote is saved."));

    public Task<IActionResult> OnPostFlagAsync(Guid id, Guid contributionId, string? reason)
    {
        // One report form per post: the error belongs beside this post's.
        Inputs["reason"] = $"flag-{contributionId}";
        return AsParticipant(identity => Run(id, new FlagContribution(contributionId, identity, new FlagForm(reason)),
            "Thank you. A moderator will look at the contribution you flagged."));
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid contributionId) =>
        AsParticipant(identity => Run(id, new WithdrawContribution(contributionId, identity), "Your contribution is withdrawn."));

    public Task<IActionResult> OnPostEditAsync(Guid id, Guid contributionId, string? text) =>
        AsParticipant(async identity =>
        {
            Inputs["text"] = $"edit-{contributionId}";
            if (await Ask<ContributionAccepted>(new EditContribution(contributionId, identity, new ContributionForm(text, null))) is { } accepted)
                Done = Thanks(accepted, "Your change is saved.");
            return await LoadAsync(id) ? Page() : NotFound();
        });

    private static string Thanks(ContributionAccepted accepted, string published) => accepted.Status == "held"
        ? "Thank you. A moderator will check this before it is shown, because it may contain contact details, a link or words we do not publish."
        : published;

    private Task<IActionResult> AsParticipant(Func<Guid, Task<IActionResult>> act) =>
        User.ParticipantIdentity() is { } identity ? act(identity) : Task.FromResult<IActionResult>(Challenge());

    private async Task<IActionResult> Run(Guid id, object command, string thanks)
    {
        await Send(command, thanks);
        return await LoadAsync(id) ? Page() : NotFound();
    }
}
