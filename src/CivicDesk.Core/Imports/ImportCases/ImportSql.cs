namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// The hand-written SQL of the bulk paths, the same on SQLite and PostgreSQL where the dialects agree.
/// Names are the model's snake_case names; every value is a parameter or comes through COPY.
/// </summary>
internal static class ImportSql
{
    /// <summary>SQLite's page cache during an import: 64 MiB, against the default 2 MiB.</summary>
    public const int BulkCacheKibibytes = 65536;

    public static readonly string[] CaseColumns =
    [
        "id", "jurisdiction_id", "service_id", "department_id", "queue_id", "reference", "status", "channel",
        "latitude", "longitude", "address", "address_id", "zip_code", "answers", "status_note", "created_at",
        "updated_at", "closed_at", "expected_at", "version", "quality", "source_system", "source_key", "source_data",
        "case_type_key", "case_type_version", "case_type_hash",
    ];

    public static readonly string[] EventColumns =
    [
        "id", "case_id", "kind", "at", "actor_kind", "actor_label", "visibility", "text", "from_status", "to_status",
    ];

    public static string CaseColumnList { get; } = string.Join(", ", CaseColumns);

    public static string EventColumnList { get; } = string.Join(", ", EventColumns);

    /// <summary>Inserts one case unless its source key, id or reference is already taken.</summary>
    public static string InsertCase { get; } =
        $"INSERT INTO cases ({CaseColumnList}) VALUES ({Parameters(CaseColumns)}) ON CONFLICT DO NOTHING";

    public static string InsertEvent { get; } =
        $"INSERT INTO case_events ({EventColumnList}) VALUES ({Parameters(EventColumns)})";

    public static string SourceKeyExists { get; } =
        "SELECT 1 FROM cases WHERE source_system = $source_system AND source_key = $source_key";

    /// <summary>
    /// A fresh staging table; a batch cut short by a repeated key leaves one in the transaction. It takes the
    /// defaults of <c>cases</c> too, so that a column the import does not write (<c>language</c>) gets its default.
    /// </summary>
    public static string CreateStaging { get; } =
        "DROP TABLE IF EXISTS pg_temp.import_cases; "
        + "CREATE TEMP TABLE import_cases (LIKE cases INCLUDING DEFAULTS, line_number bigint NOT NULL) ON COMMIT DROP";

    public static string CopyCases { get; } =
        $"COPY import_cases ({CaseColumnList}, line_number) FROM STDIN (FORMAT BINARY)";

    /// <summary>A batch whose keys and references were checked free goes straight into its table.</summary>
    public static string CopyCasesDirect { get; } = $"COPY cases ({CaseColumnList}) FROM STDIN (FORMAT BINARY)";

    public static string ExistingKeys { get; } =
        "SELECT source_key FROM cases WHERE source_system = @source_system AND source_key = ANY(@keys)";

    public static string TakenReferences { get; } =
        "SELECT reference FROM cases WHERE jurisdiction_id = @jurisdiction_id AND reference = ANY(@references)";

    /// <summary>The timeline events of the cases a batch inserted go straight to their table.</summary>
    public static string CopyEvents { get; } = $"COPY case_events ({EventColumnList}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Moves the staged cases in; those whose key, id or reference is taken are skipped. The returned rows are
    /// the inserted cases, with their flags for the counts. A batch never stages one key twice, so the order in
    /// which the rows go in does not matter.
    /// </summary>
    public static string MoveStaged { get; } =
        $"""
        INSERT INTO cases ({CaseColumnList})
        SELECT {CaseColumnList} FROM import_cases
        ON CONFLICT DO NOTHING
        RETURNING id, quality
        """;

    /// <summary>Staged rows whose key is still absent after the move: their reference was taken.</summary>
    public static string StagedConflicts { get; } =
        """
        SELECT s.line_number, s.source_key FROM import_cases s
        WHERE NOT EXISTS (
            SELECT 1 FROM cases c WHERE c.source_system = s.source_system AND c.source_key = s.source_key)
        ORDER BY s.line_number
        """;

    private static string Parameters(string[] columns) => string.Join(", ", columns.Select(c => "$" + c));
}
