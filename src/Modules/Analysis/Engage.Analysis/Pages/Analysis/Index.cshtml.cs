using Engage.Analysis.Corpora;
using Engage.Analysis.Exchange;
using Engage.Platform.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>Every corpus, and the two ways analysts bring one in: a CSV of texts, or a project from another QDA tool.</summary>
public class CorporaModel(IAnalysisStore store, IMessageBus bus) : AnalysisPage(store, bus)
{
    public IReadOnlyList<CorpusSummary> Corpora { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ProjectName { get; set; }

    /// <summary>How many skipped lines of an import are worth showing; the rest are counted.</summary>
    private const int SkippedShown = 30;

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        Corpora = await CorporaEndpoint.List(null, session);
        return true;
    }

    public Task<IActionResult> OnGetAsync() => Show(Guid.Empty);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        try
        {
            RuleBroken.Unless(file is { Length: > 0 }, "Choose a CSV file to upload.");
            RuleBroken.Unless(file!.Length <= UploadCorpusEndpoint.MaxBytes, $"The file is over the limit of {UploadCorpusEndpoint.MaxBytes / 1024 / 1024} MB.", 413);
            var name = Name?.Trim() ?? "";
            RuleBroken.Unless(name.Length is > 0 and <= 200, "Enter a name for the corpus (at most 200 characters).");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            var created = await Ask<CorpusCreated>(new CreateCorpus(name, UploadCorpusEndpoint.Rows(buffer.ToArray())));
            if (created is null) return await Refuse(Guid.Empty, null, "upload-file");
            Notice = $"The corpus '{name}' has {Engage.Platform.Wording.Words.Count(created.Items, "item")} to analyse.";
            return Redirect($"/analysis/{created.Id}");
        }
        catch (RuleBroken broken) { return await Refuse(Guid.Empty, broken, "upload-file"); }
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? project)
    {
        try
        {
            RuleBroken.Unless(project is { Length: > 0 }, "Choose a REFI-QDA project file (.qdpx) to import.");
            RuleBroken.Unless(project!.Length <= ImportExchangeEndpoint.MaxBytes, $"The file is over the limit of {ImportExchangeEndpoint.MaxBytes / 1024 / 1024} MB.", 413);
            var name = ProjectName?.Trim() ?? "";
            RuleBroken.Unless(name.Length <= 200, "The corpus name is at most 200 characters.");
            using var buffer = new MemoryStream();
            await project.CopyToAsync(buffer, HttpContext.RequestAborted);
            buffer.Position = 0;
            var read = QdpxFormat.Read(buffer);
            var imported = await Ask<ProjectImported>(new ImportProject(name.Length > 0 ? name : read.Name, read, Analyst, AnalystName));
            if (imported is null) return await Refuse(Guid.Empty, null, "import-file");
            Notice = $"Imported {Engage.Platform.Wording.Words.Count(imported.Items, "item")}, {Engage.Platform.Wording.Words.Count(imported.Codes, "code")}, {Engage.Platform.Wording.Words.Count(imported.Codings, "coding")} and {Engage.Platform.Wording.Words.Count(imported.Memos, "memo")}.";
            Skipped = imported.Skipped.Count == 0 ? null
                : string.Join('\n', imported.Skipped.Take(SkippedShown).Append(imported.Skipped.Count > SkippedShown ? $"and {imported.Skipped.Count - SkippedShown:N0} more" : null).OfType<string>());
            return Redirect($"/analysis/{imported.Id}");
        }
        catch (RuleBroken broken) { return await Refuse(Guid.Empty, broken, "import-file"); }
        catch (ExchangeInputException e) { return await Refuse(Guid.Empty, new RuleBroken(400, e.Message), "import-file"); }
    }

    public static string SourceOf(string source) => source switch
    {
        "workshop" => "Workshop contributions",
        "upload" => "CSV upload",
        "qdpx" => "REFI-QDA project",
        var other => other
    };
}
