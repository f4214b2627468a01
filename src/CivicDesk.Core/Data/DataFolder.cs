namespace CivicDesk.Core.Data;

/// <summary>
/// Where CivicDesk keeps its SQLite file and uploaded files when no connection string is configured:
/// <c>CIVICDESK_DATA</c> if set; else <c>data/</c> at the root of a source checkout (so the web app and the
/// command line share one database whichever folder they run from); else <c>data/</c> in the working folder.
/// </summary>
public static class DataFolder
{
    public const string Variable = "CIVICDESK_DATA";

    public static string Resolve()
    {
        string? configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (DirectoryInfo? folder = new(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CivicDesk.slnx")))
            {
                return Path.Combine(folder.FullName, "data");
            }
        }

        return Path.GetFullPath("data");
    }

    public static string SqliteConnectionString(string dataFolder) =>
        $"Data Source={Path.Combine(dataFolder, "civicdesk.db")}";
}
