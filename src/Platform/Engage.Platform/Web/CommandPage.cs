using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Platform.Web;

/// <summary>
/// The problems a page shows, in the NHS pattern: each message in the error summary at the top, linked
/// to the input it is about when it names one, and repeated beside that input.
/// </summary>
public sealed class PageErrors : List<string>
{
    private readonly Dictionary<int, string> inputs = [];

    /// <summary>Adds <paramref name="message"/> about the input with id <paramref name="inputId"/> (none: about the page as a whole).</summary>
    public void Add(string message, string? inputId)
    {
        if (inputId is not null) inputs[Count] = inputId;
        Add(message);
    }

    /// <summary>The id of the input the <paramref name="index"/>th message is about, if any.</summary>
    public string? InputOf(int index) => inputs.GetValueOrDefault(index);

    public IEnumerable<string> About(string inputId) => this.Where((_, i) => InputOf(i) == inputId);

    public bool Any(string inputId) => inputs.ContainsValue(inputId);
}

/// <summary>
/// A page whose forms send commands to the module's message handlers, which hold the rules. A broken
/// rule becomes the error summary and the status it names; nothing is stored.
/// </summary>
public abstract class CommandPage(IMessageBus bus) : PageModel
{
    public PageErrors Errors { get; } = [];
    /// <summary>What to tell the person after a command succeeded.</summary>
    public string? Done { get; protected set; }

    /// <summary>
    /// Where a rule's field is on this page: the API's property name ("reason") to the id of the input
    /// ("flag-{id}" when the page has one form per post). By default the id is the property name.
    /// </summary>
    protected Dictionary<string, string> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends <paramref name="command"/>; true when it was carried out, otherwise the problem is on the page.</summary>
    protected async Task<bool> Send(object command, string? thanks = null)
    {
        try
        {
            await bus.InvokeAsync(command);
            Done = thanks;
            return true;
        }
        catch (RuleBroken broken)
        {
            Refused(broken);
            return false;
        }
    }

    /// <summary>Sends a command that answers; default when a rule was broken.</summary>
    protected async Task<T?> Ask<T>(object command)
    {
        try { return await bus.InvokeAsync<T>(command); }
        catch (RuleBroken broken)
        {
            Refused(broken);
            return default;
        }
    }

    protected void Refused(RuleBroken broken)
    {
        RuleBroken.Log(HttpContext, broken);
        Errors.Add(broken.Message, broken.Field is { } field ? Inputs.GetValueOrDefault(field, field) : null);
        Response.StatusCode = broken.Status;
    }

    /// <summary>True when a problem is about the input <paramref name="inputId"/>: open the details that hold it.</summary>
    public bool InputFailed(string inputId) => Errors.Any(inputId);

    /// <summary>The form group's classes, marked when its input is in error.</summary>
    public string InputGroupClass(string inputId) => InputFailed(inputId) ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group";

    /// <summary>The NHS error message to put between an input's label (and hint) and the input.</summary>
    public IHtmlContent InputError(string inputId) => InputFailed(inputId)
        ? new HtmlString($"<span class=\"nhsuk-error-message\" id=\"{inputId}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(string.Join(". ", Errors.About(inputId)))}</span>")
        : HtmlString.Empty;

    /// <summary>For the input's aria-describedby, so a screen reader reads the error with the field.</summary>
    public string? InputDescribedBy(string inputId) => InputFailed(inputId) ? $"{inputId}-error" : null;

    /// <summary>The input's classes, marked when it is in error.</summary>
    public string InputClass(string inputId, string baseClass) => InputFailed(inputId) ? $"{baseClass} {baseClass}--error" : baseClass;
}
