using Engage.Platform.SignInLinks;
using Engage.Reporting.Contracts;
using Engage.Workshop.Participants;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten;

namespace Engage.Workshop.Workshops;

/// <summary>
/// Keeps the published report on the workshop, so participants can be shown "what we heard", and mails
/// those who asked for updates when they joined. A redelivered message finds the notice already kept and
/// sends nothing again.
/// </summary>
[MartenStore(typeof(IWorkshopStore))]
public static class ReportPublishedHandler
{
    public static async Task<(Workshop?, IReadOnlyList<Registration>)> LoadAsync(ReportPublished published, IQuerySession session) =>
        (await session.LoadAsync<Workshop>(published.WorkshopId),
         await session.Query<Registration>().Where(r => r.WorkshopId == published.WorkshopId && r.EmailUpdates).ToListAsync());

    public static (IMartenOp, OutgoingMessages) Handle(ReportPublished published, Workshop? workshop, IReadOnlyList<Registration> readers, IOptions<SiteOptions> site)
    {
        if (workshop is null || workshop.Reports.Any(r => r.ReportId == published.ReportId && r.Version == published.Version))
            return (MartenOps.Nothing(), []);
        workshop.Reports.Add(new ReportNotice(published.ReportId, published.Version, published.Title, published.KeyThemes, published.PublishedAt,
            published.Summary,
            (published.Themes ?? []).Select(t => new HeardTheme(t.Title, t.Description, t.People, t.Prevalence, t.Quotes, t.PeopleShown, t.PrevalenceShown)).ToList(),
            published.Recommendations.Select(r => new MadeRecommendation(r.RecommendationId, r.Audience, r.Title ?? "", r.Text, r.ThemeTitles ?? [])).ToList(),
            published.ReportPath));
        var link = $"{site.Value.PublicUrl.TrimEnd('/')}/take-part/{workshop.Id}/what-we-heard";
        OutgoingMessages mails = [];
        mails.AddRange(readers.Select(r => new MailParticipant(r.IdentityId, $"What we heard: {workshop.Title}",
            $"""
             Thank you for taking part in "{workshop.Title}".
             The report on what everyone said is published{(published.Version > 1 ? $" (version {published.Version})" : "")}: the key themes, and what we recommend to national bodies, employers and individuals.
             {(published.KeyThemes.Count > 0 ? $"The themes raised most often: {string.Join("; ", published.KeyThemes.Take(5))}." : "")}

             Read what we heard, and see what is being done about each recommendation:
             {link}

             You get this because you asked for updates when you joined.
             """)));
        return (MartenOps.Store(workshop), mails);
    }
}

/// <summary>What was done about a recommendation, shown to participants as "we did". The newest record wins, whatever order messages come in.</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class RecommendationProgressRecordedHandler
{
    public static Task<RecommendationOutcome?> LoadAsync(RecommendationProgressRecorded recorded, IQuerySession session) =>
        session.LoadAsync<RecommendationOutcome>(recorded.RecommendationId);

    public static IMartenOp Handle(RecommendationProgressRecorded recorded, RecommendationOutcome? known) =>
        known is not null && known.RecordedAt >= recorded.RecordedAt
            ? MartenOps.Nothing()
            : MartenOps.Store(new RecommendationOutcome
            {
                Id = recorded.RecommendationId, WorkshopId = recorded.WorkshopId, Progress = recorded.Progress, Note = recorded.Note, RecordedAt = recorded.RecordedAt
            });
}
