using Engage.Platform.Web;
using Engage.Seminar.Seminars;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Engage.Seminar.Pages.Seminars;

/// <summary>
/// A facilitator's seminar page: loads the seminar, and runs commands through the same message
/// handlers as the API, showing a broken rule in the error summary with the status code it carries.
/// </summary>
[Authorize(Roles = Platform.Roles.SeminarLeads)]
public abstract class SeminarPage(ISeminarStore store, IMessageBus bus) : CommandPage(bus)
{
    public Seminar.Seminars.Seminar Seminar { get; private set; } = null!;

    protected async Task<bool> LoadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Seminar.Seminars.Seminar>(id) is not { } seminar) return false;
        Seminar = seminar;
        return true;
    }

    /// <summary>Runs <paramref name="command"/>; on success redirects to <paramref name="then"/>, otherwise shows the page with the problem.</summary>
    protected async Task<IActionResult> Run(Guid id, object command, string then) =>
        await Send(command) ? Redirect(then) : await LoadAsync(id) ? Page() : NotFound();

    protected static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
