using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CivicDesk.Bench.Import;

/// <summary>
/// The raw baselines: the template rows written to <c>cases</c> (same table, same indexes) as fast as the
/// provider allows, with fresh ids and keys and nothing else to do. SQLite: one transaction, one prepared insert
/// reused for every row. PostgreSQL: one binary COPY. With <c>events</c>, each case also gets the two timeline
/// events the importer writes (Created, StatusChanged), to show what the timeline costs by itself.
/// </summary>
internal static class RawBaselines
{
    private static readonly NpgsqlDbType[] PostgresTypes =
    [
        NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Uuid,
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Double, NpgsqlDbType.Double,
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Varchar,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz,
        NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text,
    ];

    /// <summary>The importer's connection settings during an import: CivicDesk's own and a 64 MiB page cache.</summary>
    private const string SqlitePragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;";

    public static async Task<TimeSpan> SqliteAsync(
        string connectionString,
        List<object[]> templates,
        int rows,
        bool events,
        CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = new(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (SqliteCommand pragmas = new(SqlitePragmas, connection))
        {
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        Stopwatch clock = Stopwatch.StartNew();
        await using SqliteTransaction transaction =
            (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using SqliteCommand insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO cases ({string.Join(", ", CaseTemplates.Columns)}) "
            + $"VALUES ({string.Join(", ", CaseTemplates.Columns.Select(c => "$" + c))})";
        foreach (string column in CaseTemplates.Columns)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + column });
        }

        await using SqliteCommand insertEvent = TimelineEvents.SqliteInsert(connection, transaction);
        for (int n = 0; n < rows; n++)
        {
            object[] template = templates[n % templates.Count];
            for (int c = 0; c < template.Length; c++)
            {
                insert.Parameters[c].Value = template[c];
            }

            string key = FreshKey(n, templates.Count, (string)template[CaseTemplates.SourceKey]);
            string id = Guid.CreateVersion7().ToString("D").ToUpperInvariant();
            insert.Parameters[CaseTemplates.Id].Value = id;
            insert.Parameters[CaseTemplates.Reference].Value = key;
            insert.Parameters[CaseTemplates.SourceKey].Value = key;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (events)
            {
                await TimelineEvents.SqliteWriteAsync(insertEvent, id, template, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return clock.Elapsed;
    }

    public static async Task<TimeSpan> PostgresAsync(
        string connectionString,
        List<object[]> templates,
        int rows,
        bool events,
        CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = new(connectionString);
        await connection.OpenAsync(cancellationToken);
        Stopwatch clock = Stopwatch.StartNew();
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        Guid[] ids = new Guid[rows];
        string copySql = $"COPY cases ({string.Join(", ", CaseTemplates.Columns)}) FROM STDIN (FORMAT BINARY)";
        await using (NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(copySql, cancellationToken))
        {
            copy.Timeout = TimeSpan.FromMinutes(30);
            for (int n = 0; n < rows; n++)
            {
                object[] template = templates[n % templates.Count];
                string key = FreshKey(n, templates.Count, (string)template[CaseTemplates.SourceKey]);
                await copy.StartRowAsync(cancellationToken);
                for (int c = 0; c < template.Length; c++)
                {
                    object value = c switch
                    {
                        CaseTemplates.Id => ids[n] = Guid.CreateVersion7(),
                        CaseTemplates.Reference or CaseTemplates.SourceKey => key,
                        _ => template[c],
                    };
                    await (value is DBNull
                        ? copy.WriteNullAsync(cancellationToken)
                        : copy.WriteAsync(value, PostgresTypes[c], cancellationToken));
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        if (events)
        {
            await TimelineEvents.PostgresCopyAsync(connection, ids, templates, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return clock.Elapsed;
    }

    /// <summary>The key the replicated file gives the same row: its copy number, then the original key.</summary>
    private static string FreshKey(int n, int perCopy, string original) =>
        (n / perCopy).ToString("D4", CultureInfo.InvariantCulture) + original;
}
