using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CivicDesk.Bench.Import;

/// <summary>The two timeline events the importer writes per case, for the baseline that includes them.</summary>
internal static class TimelineEvents
{
    private const int CreatedAt = 15;
    private const int UpdatedAt = 16;
    private const int ClosedAt = 17;
    private const int Status = 6;
    private const int StatusNote = 14;

    private static readonly string[] Columns =
        ["id", "case_id", "kind", "at", "actor_kind", "actor_label", "visibility", "text", "from_status", "to_status"];

    public static SqliteCommand SqliteInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO case_events ({string.Join(", ", Columns)}) "
            + $"VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        foreach (string column in Columns)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + column });
        }

        return command;
    }

    public static async Task SqliteWriteAsync(
        SqliteCommand command,
        string caseId,
        object[] template,
        CancellationToken cancellationToken)
    {
        foreach (object?[] values in Events(template))
        {
            command.Parameters[0].Value = Guid.CreateVersion7().ToString("D").ToUpperInvariant();
            command.Parameters[1].Value = caseId;
            for (int i = 2; i < Columns.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task PostgresCopyAsync(
        NpgsqlConnection connection,
        Guid[] caseIds,
        List<object[]> templates,
        CancellationToken cancellationToken)
    {
        string sql = $"COPY case_events ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)";
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(sql, cancellationToken);
        copy.Timeout = TimeSpan.FromMinutes(30);
        for (int n = 0; n < caseIds.Length; n++)
        {
            foreach (object?[] values in Events(templates[n % templates.Count]))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(caseIds[n], NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(values[2]!, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(values[3]!, NpgsqlDbType.TimestampTz, cancellationToken);
                for (int i = 4; i < Columns.Length; i++)
                {
                    await (values[i] is null or DBNull
                        ? copy.WriteNullAsync(cancellationToken)
                        : copy.WriteAsync(values[i]!, NpgsqlDbType.Varchar, cancellationToken));
                }
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Created, then the change to the source's status at its closing (or last update) time.</summary>
    private static IEnumerable<object?[]> Events(object[] template)
    {
        object statusAt = template[ClosedAt] is DBNull ? template[UpdatedAt] : template[ClosedAt];
        yield return
            [null, null, "Created", template[CreatedAt], "System", "import:nyc311", "Public", null, null, "New"];
        yield return
        [
            null, null, "StatusChanged", statusAt, "System", "import:nyc311", "Public", template[StatusNote], "New",
            template[Status],
        ];
    }
}
