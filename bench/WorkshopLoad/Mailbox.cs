using System.Text.RegularExpressions;

namespace Engage.WorkshopLoad;

/// <summary>Reads sign-in links from the host's mail drop folder (one .eml file per message).</summary>
public static partial class Mailbox
{
    [GeneratedRegex(@"/account/link/([A-Za-z0-9_-]{20,100})")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^To:\s*(?:.*<)?([^<>\s]+@[^<>\s]+?)>?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ToPattern();

    /// <summary>The newest link token per recipient address (lower case) found in the folder.</summary>
    public static Dictionary<string, string> LinksByRecipient(string folder)
    {
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(folder)) return links;
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").OrderBy(f => f.Name))
        {
            // Quoted-printable bodies may wrap a long URL with soft line breaks ("=" at the end of a line).
            var text = File.ReadAllText(file.FullName).Replace("=\r\n", "").Replace("=\n", "");
            if (ToPattern().Match(text) is { Success: true } to && LinkPattern().Match(text) is { Success: true } link)
                links[to.Groups[1].Value] = link.Groups[1].Value;
        }
        return links;
    }
}
