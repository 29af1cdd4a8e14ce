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
    public IReadOnlyList<Contribution> Contributions { get; private set; } = [];
    public Dictionary<Guid, Dictionary<string, int>> Counts { get; private set; } = [];
    public Dictionary<Guid, string> MyVotes { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Done { get; private set; }
    public string? Email { get; private set; }

    private async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Workshops.Workshop>(id) is not { } workshop || workshop.Status == Workshops.WorkshopStatus.Draft) return false;
        Workshop = workshop;
        Me = User.ParticipantIdentity() is { } identity ? await session.RegistrationOf(id, identity) : null;
        Contributions = await session.Query<Contribution>().Where(c => c.WorkshopId == id && c.Status == ContributionStatus.Published)
            .OrderByDescending(c => c.PostedAt).Take(2000).ToListAsync();
        var ids = Contributions.Select(c => c.Id).ToArray();
        var votes = await session.Query<Vote>().Where(v => v.ContributionId.In(ids)).ToListAsync();
        Counts = votes.GroupBy(v => v.ContributionId).ToDictionary(g => g.Key, g => g.GroupBy(v => v.Value).ToDictionary(x => x.Key, x => x.Count()));
        MyVotes = Me is null ? [] : votes.Where(v => v.ParticipantId == Me.Id).ToDictionary(v => v.ContributionId, v => v.Value);
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
