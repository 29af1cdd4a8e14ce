using System.Security.Claims;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Exchange;

public record ImportCodebook(Guid CodebookId, IReadOnlyList<QdaCode> Codes, Guid By);
public record ImportProject(string Name, QdaProject Project, Guid By, string ByName);
public record ProjectImported(Guid Id, int Items, int Codes, int Codings, int Memos, IReadOnlyList<string> Skipped);

public static class Imported
{
    /// <summary>
    /// The imported tree as codes of <paramref name="codebook"/>, each checked as if an analyst had added it
    /// (names, levels, colours); a clash names the code. Ids already in the codebook are replaced.
    /// </summary>
    public static List<CodeDefinition> Codes(IReadOnlyList<QdaCode> tree, Codebook? codebook, Dictionary<Guid, Guid> ids)
    {
        var growing = new Codebook { Codes = [.. codebook?.Codes ?? []] };
        var added = new List<CodeDefinition>();
        void Add(QdaCode code, Guid? parent)
        {
            var id = growing.CodeOf(code.Id) is null && !ids.ContainsValue(code.Id) ? code.Id : Guid.CreateVersion7();
            ids[code.Id] = id;
            var (definition, inclusion, exclusion, example) = CodeDescription.Parse(code.Description);
            CodeDefinition checkedCode;
            try { checkedCode = new CodeForm(code.Name, parent, definition, inclusion, exclusion, example, code.Colour).Check(growing, id); }
            catch (RuleBroken broken) { throw new RuleBroken(broken.Status, $"Code '{code.Name}': {broken.Message}"); }
            growing.Codes.Add(checkedCode);
            added.Add(checkedCode);
            foreach (var child in code.Children) Add(child, id);
        }
        foreach (var code in tree) Add(code, null);
        return added;
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class ImportCodebookHandler
{
    public static Task LoadAsync(ImportCodebook command, IQuerySession session) => CodebookRules.CorpusExists(session, command.CodebookId);

    public static (CodebookChanged, Events) Handle(ImportCodebook command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Codebook? codebook, DateTimeOffset now)
    {
        var codes = Imported.Codes(command.Codes, codebook, []);
        RuleBroken.Unless(codes.Count > 0, "The codebook file holds no codes.");
        return (new CodebookChanged(codes[0].Id, (codebook?.Version ?? 0) + 1), [new CodesImported(command.CodebookId, codes, command.By, now)]);
    }
}

/// <summary>A REFI-QDA project from another tool becomes a new corpus with its codebook, codings (with their coders) and memos, in one transaction.</summary>
[MartenStore(typeof(IAnalysisStore))]
public static class ImportProjectHandler
{
    public static ProjectImported Handle(ImportProject command, IDocumentSession session, DateTimeOffset now)
    {
        var project = command.Project;
        RuleBroken.Unless(project.Sources.Count > 0, "The project holds no text sources to analyse.");
        var corpus = new Corpus { Id = Guid.CreateVersion7(), Name = command.Name, Source = "qdpx", CreatedAt = now };
        var codeIds = new Dictionary<Guid, Guid>();
        var codes = Imported.Codes(project.Codes, null, codeIds);
        var items = project.Sources.ToDictionary(s => s.Id, s => new CorpusItem
        {
            Id = Guid.CreateVersion7(), WorkshopId = corpus.Id, Text = s.Text, SourceId = s.Name, PublishedAt = now,
            Attributes = new Dictionary<string, string>(s.Attributes)
        });
        var coders = project.Users.ToDictionary(u => u.Id, u => u.Name);
        DateTimeOffset When(DateTimeOffset? at) => at is { } t && t != QdpxFormat.UnknownTime ? t : now;

        session.Insert(corpus);
        session.Insert(items.Values.ToArray());
        if (codes.Count > 0) session.Events.StartStream<Codebook>(corpus.Id, new CodesImported(corpus.Id, codes, command.By, now));
        var codings = 0;
        foreach (var source in project.Sources)
        foreach (var c in source.Codings)
        {
            codings++;
            session.Events.Append(items[source.Id].Id, new CodeApplied(Guid.CreateVersion7(), corpus.Id, items[source.Id].Id, codeIds[c.CodeId], c.CoderId,
                coders.GetValueOrDefault(c.CoderId, "Imported coder"), 1, c.Start, c.End, "import", When(c.CreatedAt)));
        }
        session.Insert(project.Notes.Select(n => new Memo
        {
            Id = Guid.CreateVersion7(), CorpusId = corpus.Id, ItemId = n.AboutSourceId is { } s ? items[s].Id : null,
            CodeId = n.AboutCodeId is { } code ? codeIds[code] : null, Text = n.Text.Length > 0 ? n.Text : n.Name,
            AuthorId = n.CreatorId ?? command.By, AuthorName = n.CreatorId is { } creator ? coders.GetValueOrDefault(creator, "Imported") : command.ByName,
            WrittenAt = When(n.CreatedAt)
        }).ToArray());
        return new ProjectImported(corpus.Id, items.Count, codes.Count, codings, project.Notes.Count, project.Skipped);
    }
}

[Authorize(Roles = Roles.Analysts)]
public static class ImportExchangeEndpoint
{
    // Under Kestrel's own request limit (30 MB), so an oversized upload gets this answer rather than the server's.
    public const long MaxBytes = 25 * 1024 * 1024;

    [WolverinePost("/api/analysis/corpora/{id}/codebook.qdc")]
    public static async Task<IResult> Codebook(Guid id, HttpRequest request, ClaimsPrincipal user, IMessageBus bus)
    {
        try
        {
            var (file, _) = await Upload(request);
            var codes = QdcFormat.Read(file);
            return await ApiDoor.Invoke<CodebookChanged>(bus, new ImportCodebook(id, codes, user.Analyst()),
                changed => Results.Ok(new { version = changed.Version }));
        }
        catch (RuleBroken broken) { return ApiDoor.Problem(broken); }
        catch (ExchangeInputException e) { return ApiDoor.Problem(new RuleBroken(400, e.Message)); }
    }

    [WolverinePost("/api/analysis/imports/qdpx")]
    public static async Task<IResult> Project(HttpRequest request, ClaimsPrincipal user, IMessageBus bus)
    {
        try
        {
            var (file, name) = await Upload(request);
            var project = QdpxFormat.Read(file);
            return await ApiDoor.Invoke<ProjectImported>(bus, new ImportProject(name ?? project.Name, project, user.Analyst(), user.Identity?.Name ?? "Analyst"),
                imported => Results.Created($"/api/analysis/corpora/{imported.Id}", imported));
        }
        catch (RuleBroken broken) { return ApiDoor.Problem(broken); }
        catch (ExchangeInputException e) { return ApiDoor.Problem(new RuleBroken(400, e.Message)); }
    }

    private static async Task<(Stream File, string? Name)> Upload(HttpRequest request)
    {
        RuleBroken.Unless(request.HasFormContentType, "Send multipart/form-data with the exchange 'file'.");
        RuleBroken.Unless(request.ContentLength is null or <= MaxBytes, $"The file is over the limit of {MaxBytes / 1024 / 1024} MB.", 413);
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var file = form.Files["file"];
        RuleBroken.Unless(file is not null, "The 'file' is missing.");
        RuleBroken.Unless(file!.Length <= MaxBytes, $"The file is over the limit of {MaxBytes / 1024 / 1024} MB.", 413);
        var name = form["name"].ToString().Trim();
        RuleBroken.Unless(name.Length <= 200, "'name' is at most 200 characters.");
        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        buffer.Position = 0;
        return (buffer, name.Length > 0 ? name : null);
    }
}
