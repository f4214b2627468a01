using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Data.Inserts;

/// <summary>
/// Sends a unit's inserts to PostgreSQL as one batch: one round trip, which the server runs as one implicit
/// transaction, so the first refused statement undoes the statements before it and skips the rest.
/// </summary>
internal static class PostgresInsertBatch
{
    public static async Task RunAsync(CivicDeskDbContext db, List<InsertRow> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbBatch batch = db.Database.GetDbConnection().CreateBatch();
            foreach (InsertRow row in rows)
            {
                DbBatchCommand command = batch.CreateBatchCommand();
                command.CommandText = row.Shape.Sql;
                command.Parameters.AddRange(row.Parameters);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
