using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Platform.Web;

/// <summary>
/// A page whose forms send commands to the module's message handlers, which hold the rules. A broken
/// rule becomes the error summary and the status it names; nothing is stored.
/// </summary>
public abstract class CommandPage(IMessageBus bus) : PageModel
{
    public List<string> Errors { get; } = [];
    /// <summary>What to tell the person after a command succeeded.</summary>
    public string? Done { get; protected set; }

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
        Errors.Add(broken.Message);
        Response.StatusCode = broken.Status;
    }
}
