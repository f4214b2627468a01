using System.ComponentModel.DataAnnotations;

namespace CivicDesk.Core.Data;

/// <summary>Which database CivicDesk uses. Bound to the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (the default, one file) or <c>Postgres</c>.</summary>
    [Required]
    [RegularExpression("^(Sqlite|Postgres)$")]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Empty means the SQLite file <c>civicdesk.db</c> in the <see cref="DataFolder"/>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// SQLite: how long a write waits for this process's other writers of the file before its request fails with
    /// <see cref="DatabaseBusyException"/> (503). Between 1 second and 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WriteWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SQLite: a write that has waited this long for the other writers is logged (event 11001).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan WriteWaitLogAfter { get; set; } = TimeSpan.FromSeconds(2);

    public DatabaseOptions Resolved(string dataFolder) =>
        string.IsNullOrWhiteSpace(ConnectionString) && Provider == DatabaseProviders.Sqlite
            ? new DatabaseOptions
            {
                Provider = Provider,
                ConnectionString = DataFolder.SqliteConnectionString(dataFolder),
                WriteWaitTimeout = WriteWaitTimeout,
                WriteWaitLogAfter = WriteWaitLogAfter,
            }
            : this;
}
