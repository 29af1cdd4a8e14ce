using System.Security.Claims;
using System.Text.RegularExpressions;
using Engage.Analysis.Corpora;
using Engage.Platform;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Codebooks;

public record CodeForm(string? Name, Guid? ParentId, string? Definition, string? Inclusion, string? Exclusion, string? Example, string? Colour)
{
    public static readonly string[] Palette = ["#005EB8", "#DA291C", "#009639", "#ED8B00", "#7C2855", "#00A499", "#330072", "#FFB81C", "#425563", "#AE2573"];

    /// <summary>The code this form describes, checked against the codebook it goes into.</summary>
    public CodeDefinition Check(Codebook? codebook, Guid codeId)
    {
        var codes = codebook?.Codes ?? [];
        var name = Text(Name, "name", 100, required: true);
        if (ParentId is { } parent)
        {
            RuleBroken.Unless(codes.Any(c => c.Id == parent && !c.Retired), "The parent code is not an active code of this codebook.");
            RuleBroken.Unless(codebook!.CodeOf(parent) is { } p && !codebook.IsWithin(p.Id, codeId), "A code cannot sit under itself or one of its own subcodes.");
        }
        RuleBroken.Unless(!codes.Any(c => c.Id != codeId && !c.Retired && c.ParentId == ParentId && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)),
            $"There is already a code named '{name}' at this level.", 409);
        var colour = string.IsNullOrWhiteSpace(Colour) ? Palette[codes.Count % Palette.Length] : Colour.Trim().ToUpperInvariant();
        RuleBroken.Unless(Regex.IsMatch(colour, "^#[0-9A-F]{6}$"), "The colour must be a hex colour such as #005EB8.");
        return new CodeDefinition(codeId, ParentId, name, Text(Definition, "definition", 4000), Text(Inclusion, "inclusion", 4000),
            Text(Exclusion, "exclusion", 4000), Text(Example, "example", 4000), colour);
    }

    private static string Text(string? value, string field, int max, bool required = false)
    {
        return RuleBroken.Text(value, field, "the " + RuleBroken.Spoken(field), max, required);
    }
}

public record AddCode(Guid CodebookId, CodeForm Form, Guid By);
public record ReviseCode(Guid CodebookId, Guid CodeId, CodeForm Form, Guid By);
public record RetireCode(Guid CodebookId, Guid CodeId, Guid By);
public record MoveCode(Guid CodebookId, Guid CodeId, string? Direction, Guid By);
public record CodebookChanged(Guid CodeId, int Version);

public static class CodebookRules
{
    public static CodeDefinition ActiveCode(Codebook? codebook, Guid codeId)
    {
        RuleBroken.Unless(codebook?.CodeOf(codeId) is { Retired: false }, "The code was not found in this codebook.", 404);
        return codebook!.CodeOf(codeId)!;
    }

    public static async Task CorpusExists(IQuerySession session, Guid corpusId) =>
        RuleBroken.Unless(await session.LoadAsync<Corpus>(corpusId) is not null, "The corpus was not found.", 404);

    public static Guid Analyst(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}

/// <summary>Every change appends one event to the codebook's stream, taken exclusively so two analysts' edits queue.</summary>
[MartenStore(typeof(IAnalysisStore))]
public static class AddCodeHandler
{
    public static Task LoadAsync(AddCode command, IQuerySession session) => CodebookRules.CorpusExists(session, command.CodebookId);

    public static (CodebookChanged, Events) Handle(AddCode command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Codebook? codebook, DateTimeOffset now)
    {
        var code = command.Form.Check(codebook, Guid.CreateVersion7());
        return (new CodebookChanged(code.Id, (codebook?.Version ?? 0) + 1), [new CodeAdded(command.CodebookId, code, command.By, now)]);
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class ReviseCodeHandler
{
    public static (CodebookChanged, Events) Handle(ReviseCode command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Codebook? codebook, DateTimeOffset now)
    {
        CodebookRules.ActiveCode(codebook, command.CodeId);
        var code = command.Form.Check(codebook, command.CodeId);
        return (new CodebookChanged(code.Id, codebook!.Version + 1), [new CodeRevised(command.CodebookId, code, command.By, now)]);
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class RetireCodeHandler
{
    public static (CodebookChanged, Events) Handle(RetireCode command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Codebook? codebook, DateTimeOffset now)
    {
        CodebookRules.ActiveCode(codebook, command.CodeId);
        RuleBroken.Unless(!codebook!.Active.Any(c => c.ParentId == command.CodeId), "Retire or move this code's subcodes first.", 409);
        return (new CodebookChanged(command.CodeId, codebook.Version + 1), [new CodeRetired(command.CodebookId, command.CodeId, command.By, now)]);
    }
}

[MartenStore(typeof(IAnalysisStore))]
public static class MoveCodeHandler
{
    public static (CodebookChanged, Events) Handle(MoveCode command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Codebook? codebook, DateTimeOffset now)
    {
        var code = CodebookRules.ActiveCode(codebook, command.CodeId);
        RuleBroken.Unless(command.Direction is "up" or "down", "Move a code 'up' or 'down'.");
        RuleBroken.Unless(codebook!.NeighbourOf(code.Id, command.Direction!) is not null,
            $"'{code.Name}' is already the {(command.Direction == "up" ? "first" : "last")} code at its level.", 409);
        return (new CodebookChanged(code.Id, codebook.Version + 1), [new CodeMoved(command.CodebookId, code.Id, command.Direction!, command.By, now)]);
    }
}

public record MoveForm(string? Direction);

[Authorize(Roles = Roles.Analysts)]
public static class ChangeCodebookEndpoint
{
    [WolverinePost("/api/analysis/corpora/{id}/codebook/codes")]
    public static Task<IResult> Post(Guid id, CodeForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<CodebookChanged>(bus, new AddCode(id, form, user.Analyst()),
            changed => Results.Created($"/api/analysis/corpora/{id}/codebook/codes/{changed.CodeId}", new { id = changed.CodeId, version = changed.Version }));

    [WolverinePut("/api/analysis/corpora/{id}/codebook/codes/{codeId}")]
    public static Task<IResult> Put(Guid id, Guid codeId, CodeForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<CodebookChanged>(bus, new ReviseCode(id, codeId, form, user.Analyst()), changed => Results.Ok(new { id = codeId, version = changed.Version }));

    /// <summary>Moves a code one place up or down among the codes that share its parent.</summary>
    [WolverinePost("/api/analysis/corpora/{id}/codebook/codes/{codeId}/move")]
    public static Task<IResult> Move(Guid id, Guid codeId, MoveForm form, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<CodebookChanged>(bus, new MoveCode(id, codeId, form.Direction, user.Analyst()), changed => Results.Ok(new { id = codeId, version = changed.Version }));

    [WolverineDelete("/api/analysis/corpora/{id}/codebook/codes/{codeId}")]
    public static Task<IResult> Delete(Guid id, Guid codeId, ClaimsPrincipal user, IMessageBus bus) =>
        ApiDoor.Invoke<CodebookChanged>(bus, new RetireCode(id, codeId, user.Analyst()), changed => Results.Ok(new { id = codeId, version = changed.Version }));
}
