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

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/civicdesk.db";
}
