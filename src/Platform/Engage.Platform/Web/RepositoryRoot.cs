namespace Engage.Platform.Web;

public static class RepositoryRoot
{
    /// <summary>The folder holding Engage.sln above <paramref name="start"/>, or <paramref name="start"/> itself.</summary>
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Engage.sln"))) return dir.FullName;
        return start;
    }
}
