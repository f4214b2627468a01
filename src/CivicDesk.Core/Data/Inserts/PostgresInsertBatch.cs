using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Data.Inserts;

/// <summary>
/// Sends a unit's inserts to PostgreSQL as one batch: one round trip, which the server runs as one implicit
/// transaction, so the first refused statement undoes the statements before it and skips the rest. The rows of
/// one table that follow each other go in one multi-row INSERT, which saves the server a statement per row.
/// </summary>
internal static class PostgresInsertBatch
{
    // PostgreSQL's protocol counts a statement's parameters in 16 bits.
    private const int MaxParameters = ushort.MaxValue;

    public static async Task RunAsync(CivicDeskDbContext db, List<InsertRow> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbBatch batch = db.Database.GetDbConnection().CreateBatch();
            for (int start = 0; start < rows.Count;)
            {
                InsertShape shape = rows[start].Shape;
                int end = start + 1;
                while (end < rows.Count && rows[end].Shape == shape
                    && (end - start + 1) * shape.ColumnCount <= MaxParameters)
                {
                    end++;
                }

                DbBatchCommand command = batch.CreateBatchCommand();
                command.CommandText = shape.MultiRowSql(end - start);
                for (int i = start; i < end; i++)
                {
                    command.Parameters.AddRange(rows[i].Parameters);
                }

                batch.BatchCommands.Add(command);
                start = end;
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
