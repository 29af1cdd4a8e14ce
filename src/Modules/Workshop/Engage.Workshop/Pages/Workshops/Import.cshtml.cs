using System.Text;
using System.Text.RegularExpressions;
using Engage.Platform;
using Engage.Platform.Web;
using Engage.Workshop.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Engage.Workshop.Pages.Staff;

/// <summary>
/// Programme staff import a past Polis conversation (its comments.csv and votes.csv) as a closed workshop, see
/// what was imported, or see every problem in the files by file and line, with nothing imported.
/// </summary>
[Authorize(Roles = Roles.Programme)]
public partial class ImportModel(IMessageBus bus) : PageModel
{
    public const int MostProblems = 50;

    public record Problem(string File, int? Line, string Text);

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Attribution { get; set; }
    public List<Problem> Problems { get; } = [];
    public ConversationImported? Imported { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? comments, IFormFile? votes)
    {
        if (comments is null || comments.Length == 0) Problems.Add(new("comments", null, "Choose the comments file (comments.csv) from the Polis export"));
        if (votes is null || votes.Length == 0) Problems.Add(new("votes", null, "Choose the votes file (votes.csv) from the Polis export"));
        foreach (var (name, file) in new[] { ("comments", comments), ("votes", votes) })
            if (file is { Length: > ImportPolisConversationEndpoint.MaxFileBytes })
                Problems.Add(new(name, null, $"The {name} file must be at most {ImportPolisConversationEndpoint.MaxFileBytes / 1024 / 1024} MB"));
        var title = Title?.Trim() ?? "";
        if (title.Length > 200) Problems.Add(new("title", null, "Enter a title of at most 200 characters"));
        if ((Attribution?.Trim().Length ?? 0) > 2000) Problems.Add(new("attribution", null, "Enter an attribution of at most 2,000 characters"));
        if (Problems.Count > 0) return Refused();

        var (commentBytes, voteBytes) = (await Bytes(comments!), await Bytes(votes!));
        if (Read(commentBytes, voteBytes) is not { } conversation) return Refused();
        try
        {
            Imported = await bus.InvokeAsync<ConversationImported>(new ImportPolisConversation(title.Length > 0 ? title : "Imported Polis conversation",
                Attribution?.Trim() is { Length: > 0 } attribution ? attribution : "Imported from a Polis conversation export (pol.is).", conversation));
        }
        catch (RuleBroken broken)
        {
            Problems.Add(new("", null, broken.Message));
            return Refused();
        }
        return Page();
    }

    /// <summary>
    /// Reads the files as the import does. The reader stops at the first problem, so after each one the page sets
    /// that line aside and reads again, to list every problem at once (up to <see cref="MostProblems"/>); a problem
    /// with the file as a whole (its columns, its encoding) ends the list.
    /// </summary>
    private PolisConversation? Read(byte[] comments, byte[] votes)
    {
        var files = new Dictionary<string, List<string>> { ["comments"] = Lines(comments), ["votes"] = Lines(votes) };
        var removed = new Dictionary<string, HashSet<int>> { ["comments"] = [], ["votes"] = [] };
        var setAside = new HashSet<string>();
        while (true)
        {
            try
            {
                var conversation = PolisFiles.Read(Bytes(files["comments"], removed["comments"]), Bytes(files["votes"], removed["votes"]));
                return Problems.Count == 0 ? conversation : null;
            }
            catch (RuleBroken broken)
            {
                var at = Located().Match(broken.Message);
                if (!at.Success)
                {
                    Problems.Add(new(FileOf(broken.Message), null, broken.Message));
                    return null;
                }
                var file = at.Groups[1].Value;
                // Lines are counted in what was read; map back to the line number of the uploaded file.
                var line = Original(int.Parse(at.Groups[2].Value), removed[file]);
                // A vote on a comment set aside for its own problem is not a second problem.
                var knockOn = file == "votes" && Unknown().Match(at.Groups[3].Value) is { Success: true } unknown && setAside.Contains(unknown.Groups[1].Value);
                if (!knockOn) Problems.Add(new(file, line, at.Groups[3].Value));
                if (file == "comments" && CommentId(files["comments"], line) is { } id) setAside.Add(id);
                // Line 1 is the header: without it nothing after can be read.
                if (line == 1 || Problems.Count >= MostProblems || !removed[file].Add(line)) return null;
            }
        }
    }

    /// <summary>The comment-id on a line of comments.csv, when the line is simple enough to read without the CSV reader.</summary>
    private static string? CommentId(List<string> lines, int line)
    {
        var column = Array.IndexOf(lines[0].Trim().Split(','), "comment-id");
        var fields = line <= lines.Count ? lines[line - 1].Split(',') : [];
        return column >= 0 && column < fields.Length && !lines[line - 1][..Math.Min(lines[line - 1].Length, 200)].Contains('"') ? fields[column].Trim() : null;
    }

    private static string FileOf(string message) => message.StartsWith("votes.csv") ? "votes" : message.StartsWith("comments.csv") ? "comments" : "";

    private static int Original(int readLine, HashSet<int> removed)
    {
        var line = 0;
        for (var seen = 0; seen < readLine;) if (!removed.Contains(++line)) seen++;
        return line;
    }

    private static List<string> Lines(byte[] bytes) => [.. Encoding.UTF8.GetString(bytes).Split('\n')];

    private static byte[] Bytes(List<string> lines, HashSet<int> removed) =>
        Encoding.UTF8.GetBytes(string.Join('\n', lines.Where((_, i) => !removed.Contains(i + 1))));

    private IActionResult Refused()
    {
        Response.StatusCode = 400;
        return Page();
    }

    private static async Task<byte[]> Bytes(IFormFile file)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    [GeneratedRegex(@"^(comments|votes)\.csv line (\d+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Located();

    [GeneratedRegex(@"^comment-id (\w+) is not in comments\.csv\.$")]
    private static partial Regex Unknown();
}
