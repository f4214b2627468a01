using System.Runtime.Versioning;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Tests.Data;

/// <summary>
/// The SQLite file, its journal files and attachments hold personal data: on Unix they are created for the
/// owner only (files 0600, folders 0700), whatever the umask would allow.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "civicdesk-tests", "private-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrate_NewSqliteFileInANewFolder_CreatesFolderAndFilesForTheOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        string folder = Path.Combine(_root, "data");
        string file = Path.Combine(folder, "civicdesk.db");
        DbContextOptionsBuilder<CivicDeskDbContext> builder = new();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProviders.Sqlite,
            ConnectionString = $"Data Source={file};Pooling=False",
        });

        await using (CivicDeskDbContext db = new(builder.Options))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Folder, File.GetUnixFileMode(folder));
            Assert.Equal(File600, File.GetUnixFileMode(file));
            Assert.Equal(File600, File.GetUnixFileMode(file + "-wal"));
            Assert.Equal(File600, File.GetUnixFileMode(file + "-shm"));
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task SaveAsync_NewAttachment_IsReadableByTheOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        LocalFileStore store = new(Path.Combine(_root, "files"));

        await store.SaveAsync("photos/0193c0de/one", new byte[] { 1, 2, 3 }, TestContext.Current.CancellationToken);

        Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(_root, "files")));
        Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(_root, "files", "photos", "0193c0de")));
        Assert.Equal(File600, File.GetUnixFileMode(Path.Combine(_root, "files", "photos", "0193c0de", "one")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
