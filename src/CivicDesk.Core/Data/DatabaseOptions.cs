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

    public DatabaseOptions Resolved(string dataFolder) =>
        string.IsNullOrWhiteSpace(ConnectionString) && Provider == DatabaseProviders.Sqlite
            ? new DatabaseOptions
            {
                Provider = Provider,
                ConnectionString = DataFolder.SqliteConnectionString(dataFolder),
            }
            : this;
}
