using Engage.Seminar.Contracts;
using Marten;
using Wolverine.Marten;

namespace Engage.Workshop.Workshops;

/// <summary>A concluded seminar becomes a draft workshop with its agreed themes, prompts and seeds.</summary>
[MartenStore(typeof(IWorkshopStore))]
public static class SeminarConcludedHandler
{
    public static Task<bool> LoadAsync(SeminarConcluded concluded, IQuerySession session) =>
        session.Query<Workshop>().AnyAsync(x => x.SeminarId == concluded.SeminarId);

    public static IMartenOp Handle(SeminarConcluded concluded, bool alreadyCreated, DateTimeOffset now)
    {
        // Delivery is at least once; a second copy of the event must not make a second workshop.
        if (alreadyCreated) return MartenOps.Nothing();

        return MartenOps.Insert(new Workshop
        {
            Id = Guid.CreateVersion7(),
            SeminarId = concluded.SeminarId,
            Title = concluded.Title,
            Status = WorkshopStatus.Draft,
            CreatedAt = now,
            Themes = concluded.Themes.Select(t => new WorkshopTheme(t.ThemeId, t.Title, t.Description, t.Prompts, t.Seeds,
                t.Problems.Select(p => new SourceProblem(p.ProblemId, p.Text, p.InterestGroup)).ToList())).ToList()
        });
    }
}
