using Engage.Platform;
using Engage.Platform.Csv;
using Engage.Platform.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Analysis.Corpora;

public record CreateCorpus(string Name, IReadOnlyList<CorpusRow> Rows);

public record CorpusRow(string Id, string Text, Dictionary<string, string> Attributes);

public record CorpusCreated(Guid Id, int Items);

/// <summary>
/// Analysts bring other sources to analyse beside the workshop (a survey's free text, consultation
/// letters): a CSV with <c>id</c> and <c>text</c> columns, every other column an attribute of the item.
/// </summary>
[MartenStore(typeof(IAnalysisStore))]
public static class CreateCorpusHandler
{
    public static CorpusCreated Handle(CreateCorpus command, IDocumentSession session, DateTimeOffset now)
    {
        var corpus = new Corpus { Id = Guid.CreateVersion7(), Name = command.Name, Source = "upload", CreatedAt = now };
        session.Insert(corpus);
        session.Insert(command.Rows.Select(r => new CorpusItem
        {
            Id = Guid.CreateVersion7(), WorkshopId = corpus.Id, ThemeId = Guid.Empty, Text = r.Text, Pseudonym = "", SourceId = r.Id,
            Attributes = r.Attributes, PublishedAt = now
        }).ToArray());
        return new CorpusCreated(corpus.Id, command.Rows.Count);
    }
}

[Authorize(Roles = Roles.Analysts)]
public static class UploadCorpusEndpoint
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxTextLength = 20_000;

    [WolverinePost("/api/analysis/corpora")]
    public static async Task<IResult> Post(HttpRequest request, IMessageBus bus)
    {
        try
        {
            RuleBroken.Unless(request.HasFormContentType, "Send multipart/form-data with a CSV 'file' (columns id, text, and any attributes) and a 'name'.");
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var file = form.Files["file"];
            RuleBroken.Unless(file is not null, "The CSV 'file' is missing.");
            RuleBroken.Unless(file!.Length <= MaxBytes, $"The file is over the limit of {MaxBytes / 1024 / 1024} MB.", 413);
            var name = form["name"].ToString().Trim();
            RuleBroken.Unless(name.Length is > 0 and <= 200, "'name' is required (at most 200 characters).");

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            var command = new CreateCorpus(name, Rows(buffer.ToArray()));
            return await ApiDoor.Invoke<CorpusCreated>(bus, command, created => Results.Created($"/api/analysis/corpora/{created.Id}", created));
        }
        catch (RuleBroken broken) { return ApiDoor.Problem(broken); }
    }

    /// <summary>The rows, or a <see cref="RuleBroken"/> naming the first problem and its line.</summary>
    public static IReadOnlyList<CorpusRow> Rows(byte[] bytes)
    {
        CsvTable table;
        int[] at;
        try
        {
            table = CsvTable.Read(bytes);
            at = table.Columns("id", "text");
        }
        catch (CsvFormatException e) { throw new RuleBroken(400, $"The CSV file, {e.Message}"); }

        var names = table.Header.Select(h => h.Trim()).ToList();
        RuleBroken.Unless(names.Distinct(StringComparer.OrdinalIgnoreCase).Count() == names.Count && names.All(n => n.Length is > 0 and <= 100),
            "line 1: every column needs a name (up to 100 characters), and no name may appear twice.");
        var attributes = table.Header.Select((h, i) => (Name: h.Trim(), Index: i)).Where(c => c.Index != at[0] && c.Index != at[1]).ToList();
        var seen = new HashSet<string>();
        var rows = new List<CorpusRow>();
        foreach (var row in table.Rows)
        {
            var id = row.Fields[at[0]].Trim();
            var text = row.Fields[at[1]].Trim();
            RuleBroken.Unless(id.Length is > 0 and <= 100, $"line {row.Line}: 'id' is empty or over 100 characters.");
            RuleBroken.Unless(seen.Add(id), $"line {row.Line}: the id \"{id}\" appears twice.");
            RuleBroken.Unless(text.Length <= MaxTextLength, $"line {row.Line}: 'text' is over {MaxTextLength:N0} characters.");
            if (text.Length == 0) continue; // nothing to analyse
            rows.Add(new CorpusRow(id, text, attributes.Where(a => row.Fields[a.Index].Trim().Length > 0)
                .ToDictionary(a => a.Name, a => row.Fields[a.Index].Trim())));
        }
        RuleBroken.Unless(rows.Count > 0, "The file holds no rows with text.");
        return rows;
    }
}
