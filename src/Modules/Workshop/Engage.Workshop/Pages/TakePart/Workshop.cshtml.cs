using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Contributions;
using Engage.Workshop.Participants;
using Engage.Workshop.Voting;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Workshop.Pages.TakePart;

/// <summary>
/// The workshop as participants see it. Anyone may read an open workshop; joining, posting and voting
/// go through the same message handlers as the API.
/// </summary>
[EnableRateLimiting(PlatformModule.WriteRateLimit)]
[AllowAnonymous]
public class WorkshopModel(IWorkshopStore store, IMessageBus bus) : PageModel
{
    public Workshops.Workshop Workshop { get; private set; } = null!;
    public Registration? Me { get; private set; }
    public IReadOnlyList<ListedContribution> Contributions { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "newest";
    public List<string> Errors { get; } = [];
    public string? Done { get; private set; }
    public string? Email { get; private set; }

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Workshops.Workshop>(id) is not { } workshop || workshop.Status == Workshops.WorkshopStatus.Draft) return false;
        Workshop = workshop;
        Me = User.ParticipantIdentity() is { } identity ? await session.RegistrationOf(id, identity) : null;
        if (!ContributionListing.Sorts.Contains(Sort)) Sort = "newest";
        var (published, votes) = await ContributionListing.LoadTheme(session, id, null);
        Contributions = ContributionListing.Build(published, votes, Me?.Id, Sort);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostJoinAsync(Guid id, string? email, bool consent, Dictionary<string, string>? profile, bool showProfession)
    {
        Email = email;
        return Run(id, new RegisterParticipant(id, new JoinForm(email, consent, profile, showProfession)),
            "Thank you. Check your email for a link to sign in and take part.");
    }

    public async Task<IActionResult> OnPostPostAsync(Guid id, Guid themeId, string? text)
    {
        if (User.ParticipantIdentity() is not { } identity) return Challenge();
        try
        {
            var accepted = await bus.InvokeAsync<ContributionAccepted>(new PostContribution(id, themeId, new ContributionForm(text, null), identity));
            Done = accepted.Status == "held"
                ? "Thank you. A moderator will check your contribution before it is shown, because it may contain contact details, a link or words we do not publish."
                : "Thank you: your contribution is posted.";
        }
        catch (RuleBroken broken)
        {
            Errors.Add(broken.Message);
            Response.StatusCode = broken.Status;
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostVoteAsync(Guid id, Guid contributionId, string? vote) =>
        User.ParticipantIdentity() is { } identity
            ? Run(id, new CastVote(contributionId, identity, vote), "Your vote is saved.")
            : Task.FromResult<IActionResult>(Challenge());

    private async Task<IActionResult> Run(Guid id, object command, string thanks)
    {
        try
        {
            await bus.InvokeAsync(command);
            Done = thanks;
        }
        catch (RuleBroken broken)
        {
            Errors.Add(broken.Message);
            Response.StatusCode = broken.Status;
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }
}
