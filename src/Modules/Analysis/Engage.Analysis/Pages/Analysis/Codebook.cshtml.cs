using Engage.Analysis.Codebooks;
using Engage.Analysis.Coding;
using Engage.Analysis.Exchange;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// The codebook: its tree, adding, revising and retiring codes, its history version by version, any
/// earlier version as it stood, and REFI-QDA codebook files in and out.
/// </summary>
public class CodebookModel(IAnalysisStore store, IMessageBus bus, IDocumentStore platform) : AnalysisPage(store, bus)
{
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty] public CodeForm Form { get; set; } = new(null, null, null, null, null, null, null);

    /// <summary>The codebook shown: the current one, or the earlier version asked for.</summary>
    public CodebookView Shown { get; private set; } = null!;
    public CodebookView Current { get; private set; } = null!;
    public bool Earlier => Shown.Version != Current.Version;
    public IReadOnlyList<CodebookChange> History { get; private set; } = [];
    public Func<Guid, string> NameOf { get; private set; } = _ => "";
    public CodeView? Editing => Edit is { } e ? Current.Codes.FirstOrDefault(c => c.Id == e && !c.Retired) : null;

    protected override async Task<bool> LoadAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        if (!await FindCorpus(session, id)) return false;
        var codebook = await session.CodebookOf(id);
        Current = Shown = ViewCodebookEndpoint.View(id, codebook);
        if (Version is { } asked && asked != codebook.Version)
        {
            if (asked < 1 || asked > codebook.Version)
                Errors.Add(codebook.Version == 0 ? "The codebook has no versions yet." : $"This codebook has versions 1 to {codebook.Version}.");
            else if (await session.Events.AggregateStreamAsync<Codebook>(id, version: asked) is { } then)
                Shown = ViewCodebookEndpoint.View(id, then);
        }
        History = await ViewCodebookEndpoint.History(id, session);
        var names = await CoderNames.Of(platform, History.Select(h => h.By));
        NameOf = by => names.GetValueOrDefault(by, CoderNames.Former);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Editing is { } code) Form = new CodeForm(code.Name, code.ParentId, code.Definition, code.Inclusion, code.Exclusion, code.Example, code.Colour);
        else if (Edit is not null) Errors.Add("That code is retired or not in this codebook, so it cannot be edited.");
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (await Ask<CodebookChanged>(new AddCode(id, Form, Analyst)) is not { } changed) return await Refuse(id, null, "code-name");
        Notice = $"The code '{Form.Name?.Trim()}' is added: the codebook is now at version {changed.Version}.";
        return Redirect($"/analysis/{id}/codebook#code-{changed.CodeId}");
    }

    public async Task<IActionResult> OnPostReviseAsync(Guid id, Guid codeId)
    {
        Edit = codeId;
        if (await Ask<CodebookChanged>(new ReviseCode(id, codeId, Form, Analyst)) is not { } changed) return await Refuse(id, null, "edit-name");
        Notice = $"The code '{Form.Name?.Trim()}' is revised: the codebook is now at version {changed.Version}.";
        return Redirect($"/analysis/{id}/codebook#code-{codeId}");
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid codeId, string? direction)
    {
        if (await Ask<CodebookChanged>(new MoveCode(id, codeId, direction, Analyst)) is not { } changed) return await Refuse(id, null, $"move-{direction}-{codeId}");
        Notice = $"The code is moved {direction}: the codebook is now at version {changed.Version}.";
        return Redirect($"/analysis/{id}/codebook#code-{codeId}");
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id, Guid codeId)
    {
        if (await Ask<CodebookChanged>(new RetireCode(id, codeId, Analyst)) is not { } changed) return await Refuse(id, null, $"retire-{codeId}");
        Notice = $"The code is retired: its codings stay, and it takes no new ones. The codebook is now at version {changed.Version}.";
        return Redirect($"/analysis/{id}/codebook#code-{codeId}");
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file)
    {
        try
        {
            RuleBroken.Unless(file is { Length: > 0 }, "Choose a REFI-QDA codebook file (.qdc) to upload.");
            RuleBroken.Unless(file!.Length <= ImportExchangeEndpoint.MaxBytes, $"The file is over the limit of {ImportExchangeEndpoint.MaxBytes / 1024 / 1024} MB.", 413);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            buffer.Position = 0;
            var codes = QdcFormat.Read(buffer);
            if (await Ask<CodebookChanged>(new ImportCodebook(id, codes, Analyst)) is not { } changed) return await Refuse(id, null, "qdc-file");
            Notice = $"The codes from '{file.FileName}' are added: the codebook is now at version {changed.Version}.";
            return Redirect($"/analysis/{id}/codebook");
        }
        catch (RuleBroken broken) { return await Refuse(id, broken, "qdc-file"); }
        catch (ExchangeInputException e) { return await Refuse(id, new RuleBroken(400, e.Message), "qdc-file"); }
    }

    public async Task<IActionResult> OnGetQdcAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return await Deliver(await ExportProjectEndpoint.Codebook(id, session));
    }
}
