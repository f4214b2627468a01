using System.Data.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Bench.Import;

/// <summary>
/// The rows of the <c>cases</c> table exactly as the importer wrote them for the sample, read back as raw
/// column values: the pre-mapped rows the raw baselines insert, with fresh ids and keys.
/// </summary>
internal static class CaseTemplates
{
    public static readonly string[] Columns =
    [
        "id", "jurisdiction_id", "service_id", "department_id", "queue_id", "reference", "status", "channel",
        "latitude", "longitude", "address", "address_id", "zip_code", "answers", "status_note", "created_at",
        "updated_at", "closed_at", "expected_at", "version", "quality", "source_system", "source_key", "source_data",
    ];

    public const int Id = 0;
    public const int Reference = 5;
    public const int SourceKey = 22;

    public static async Task<List<object[]>> LoadAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM cases ORDER BY source_key";
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        List<object[]> rows = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            object[] values = new object[Columns.Length];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}
