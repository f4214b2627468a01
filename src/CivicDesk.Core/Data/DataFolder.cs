namespace CivicDesk.Core.Data;

/// <summary>
/// Where CivicDesk keeps its SQLite file and uploaded files when no connection string is configured, and
/// how folders and files in it are created (owner-only on Unix):
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

    /// <summary>Folders holding data are the owner's alone on Unix: <c>rwx------</c> (0700).</summary>
    public const UnixFileMode PrivateFolderMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Files holding data (the database, attachments) are the owner's alone: <c>rw-------</c>.</summary>
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates a folder, and any missing parent, readable by the owner only on Unix. A folder that already
    /// exists keeps its mode: an operator who chose another one meant it.
    /// </summary>
    public static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only; each missing parent
        // is created the same way here, from the top down.
        string full = Path.GetFullPath(path);
        Stack<string> missing = new();
        for (string? folder = full;
             folder is not null && !Directory.Exists(folder);
             folder = Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out string? folder))
        {
            Directory.CreateDirectory(folder, PrivateFolderMode);
        }
    }

    /// <summary>
    /// Options for writing a new data file: on Unix it is created readable by the owner only, whatever the
    /// process's umask allows.
    /// </summary>
    public static FileStreamOptions PrivateFileOptions(FileMode mode, FileAccess access, FileOptions options)
    {
        FileStreamOptions stream = new() { Mode = mode, Access = access, Share = FileShare.None, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = PrivateFileMode;
        }

        return stream;
    }

    /// <summary>
    /// Creates an empty file with owner-only access when it does not exist yet. Used for the SQLite file
    /// before SQLite opens it: SQLite accepts an empty file as a new database and gives its -wal and -shm
    /// files the database file's mode.
    /// </summary>
    public static void CreatePrivateFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        using FileStream created = new(
            path, PrivateFileOptions(FileMode.OpenOrCreate, FileAccess.Write, FileOptions.None));
    }
}
