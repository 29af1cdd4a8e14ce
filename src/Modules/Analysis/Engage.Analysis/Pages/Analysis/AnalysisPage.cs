using System.Text.Encodings.Web;
using Engage.Analysis.Codebooks;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Analysis.Pages;

/// <summary>
/// A page of the analysis workspace. Its forms send the same commands as the API, so the message
/// handlers hold every rule; a broken rule shows in the error summary (linked to the form that
/// failed) with the status it carries, and a success redirects (post/redirect/get) with a notice.
/// </summary>
[Authorize(Roles = Roles.Analysts)]
public abstract class AnalysisPage(IAnalysisStore store, IMessageBus bus) : CommandPage(bus)
{
    protected IAnalysisStore Store { get; } = store;

    /// <summary>The corpus the page is about; null on the list of corpora.</summary>
    public Corpus Corpus { get; private set; } = null!;

    /// <summary>What the last command did, carried over the redirect that follows it.</summary>
    [TempData] public string? Notice { get; set; }

    /// <summary>Lines of an imported project that Engage could not take, shown once after the import.</summary>
    [TempData] public string? Skipped { get; set; }

    /// <summary>The id of the field whose form failed, so the summary links to it and the form shows the message.</summary>
    public string? FailedField { get; protected set; }

    protected Guid Analyst => User.Analyst();
    protected string AnalystName => User.Identity?.Name ?? "Analyst";

    protected async Task<bool> FindCorpus(IQuerySession session, Guid id)
    {
        if (await session.LoadAsync<Corpus>(id) is not { } corpus) return false;
        Corpus = corpus;
        return true;
    }

    /// <summary>Loads what the page shows; false when the corpus does not exist.</summary>
    protected abstract Task<bool> LoadAsync(Guid id);

    protected async Task<IActionResult> Show(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>
    /// Sends <paramref name="command"/>: on success redirects to <paramref name="then"/> with <paramref name="notice"/>;
    /// otherwise shows the page again with the problem against <paramref name="field"/>.
    /// </summary>
    protected async Task<IActionResult> Run(Guid id, object command, string notice, string then, string? field = null)
    {
        if (await Send(command))
        {
            Notice = notice;
            return LocalRedirect(then);
        }
        FailedField = field;
        return await Show(id);
    }

    /// <summary>Shows the page again after a rule the page itself checks (a file, a passage to find), or one an <c>Ask</c> already reported.</summary>
    protected async Task<IActionResult> Refuse(Guid id, RuleBroken? broken, string? field)
    {
        if (broken is not null) Refused(broken);
        FailedField = field;
        return await Show(id);
    }

    /// <summary>Hands a download (or its problem) from an API endpoint's result to the browser.</summary>
    protected async Task<IActionResult> Deliver(IResult result)
    {
        await result.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    public bool Failed(string field) => FailedField == field && Errors.Count > 0;

    public string GroupClass(string field) => Failed(field) ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group";

    /// <summary>The NHS error message above the field whose form failed.</summary>
    public IHtmlContent ErrorFor(string field) => Failed(field)
        ? new HtmlString($"<span class=\"nhsuk-error-message\" id=\"{field}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(string.Join(" ", Errors))}</span>")
        : HtmlString.Empty;

    public string? DescribedBy(string field) => Failed(field) ? $"{field}-error" : null;

    /// <summary>The page title, marked when the page shows a problem so a screen reader hears it first.</summary>
    public string TitleOf(string title) => Errors.Count > 0 ? $"Error: {title}" : title;

    /// <summary>"1 memo", "3 memos".</summary>
    public static string Count(int n, string one, string? many = null) => Engage.Platform.Wording.Words.Count(n, one, many);
}
