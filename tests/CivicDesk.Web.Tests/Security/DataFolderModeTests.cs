using System.Runtime.Versioning;
using CivicDesk.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Web.Tests.Security;

/// <summary>
/// The web host's data folder (data-protection keys, attachments) and its SQLite file are the owner's alone
/// on Unix: folders 0700, files 0600.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderModeTests(SqliteWebApp app) : IClassFixture<SqliteWebApp>
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void Start_FreshDataFolder_CreatesFoldersAndTheDatabaseForTheOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        app.RequireDatabase();
        app.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        string database = new SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource;

        Assert.Equal(Folder, File.GetUnixFileMode(app.DataFolder));
        Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(app.DataFolder, "keys")));
        Assert.All(Directory.GetFiles(Path.Combine(app.DataFolder, "keys")), key
            => Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(key) & ~Private));
        Assert.Equal(Private, File.GetUnixFileMode(database));
        Assert.All(new[] { database + "-wal", database + "-shm" }.Where(File.Exists), journal
            => Assert.Equal(Private, File.GetUnixFileMode(journal)));
    }
}
