using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicDesk.Core.Data.Inserts;

/// <summary>
/// Saves a unit of work that only adds rows (a new case with its events, timers and audit entry) without EF Core's
/// update pipeline: each row is one prepared INSERT whose parameters come from the model's own type mappings.
/// On SQLite the units of concurrent requests share one transaction and one sync to disk (group commit), each unit
/// inside its own savepoint; on PostgreSQL a unit is one batch, one round trip, run as one implicit transaction.
/// Either way the call returns only once the unit is committed, and a unit that fails leaves no row behind.
/// Anything else (an update, a delete, a caller's own transaction, a type this path cannot write) goes through
/// <see cref="DbContext.SaveChangesAsync(CancellationToken)"/> unchanged.
/// </summary>
public static class InsertOnlySave
{
    /// <summary>Saves what the context tracks: its added entities, or anything else through SaveChanges.</summary>
    public static async Task SaveAsync(CivicDeskDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        List<InsertRow>? rows = db.Database.CurrentTransaction is null ? Collect(db) : null;
        if (rows is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await RunAsync(db, rows, cancellationToken);
        db.ChangeTracker.AcceptAllChanges();
    }

    /// <summary>
    /// Inserts <paramref name="entities"/>, which the context does not track, as one unit, reading their values
    /// straight from the objects: no change tracking, no snapshot, no accepting afterwards. The entities stay
    /// untracked. When the context already tracks changes, runs inside a caller's transaction, or an entity cannot
    /// be written this way (see <see cref="InsertShape.Bind(object, DbCommand, int)"/>), the entities are added to the
    /// context and saved with everything else it tracks, as <see cref="SaveAsync(CivicDeskDbContext,
    /// CancellationToken)"/> does.
    /// </summary>
    public static async Task InsertAsync(
        CivicDeskDbContext db,
        IReadOnlyList<object> entities,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        List<InsertRow>? rows = db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges()
            ? Collect(db, entities)
            : null;
        if (rows is null)
        {
            db.AddRange(entities);
            await SaveAsync(db, cancellationToken);
            return;
        }

        await RunAsync(db, rows, cancellationToken);
    }

    private static async Task RunAsync(CivicDeskDbContext db, List<InsertRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            if (db.IsPostgres)
            {
                await PostgresInsertBatch.RunAsync(db, rows, cancellationToken);
            }
            else
            {
                await SqliteInsertQueue.For(db.Database.GetConnectionString()!).WriteAsync(rows, cancellationToken);
            }
        }
        catch (DbException failed)
        {
            throw new DbUpdateException(
                "An insert was refused by the database; nothing of the unit was stored.", failed);
        }
    }

    // Null when the unit is not insert-only or holds a row this path cannot write.
    private static List<InsertRow>? Collect(CivicDeskDbContext db)
    {
        bool positional = db.IsPostgres;
        ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();
        using DbCommand factory = db.Database.GetDbConnection().CreateCommand();
        List<InsertRow> rows = [];
        foreach (EntityEntry entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State != EntityState.Added
                || InsertShape.For(entry.Metadata, sql, positional) is not { } shape
                || shape.Bind(entry, factory) is not { } parameters)
            {
                return null;
            }

            rows.Add(new InsertRow(shape, parameters));
        }

        return InsertOrder(rows);
    }

    // Null when one of the entities cannot be written without the change tracker.
    private static List<InsertRow>? Collect(CivicDeskDbContext db, IReadOnlyList<object> entities)
    {
        bool positional = db.IsPostgres;
        ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();
        using DbCommand factory = db.Database.GetDbConnection().CreateCommand();
        List<InsertRow> rows = new(entities.Count);
        foreach (object entity in entities)
        {
            if (db.Model.FindEntityType(entity.GetType()) is not { } type
                || InsertShape.For(type, sql, positional) is not { } shape
                || shape.Bind(entity, factory) is not { } parameters)
            {
                return null;
            }

            rows.Add(new InsertRow(shape, parameters));
        }

        return InsertOrder(rows);
    }

    // A stable sort: rows of one table keep the order in which they were added, and follow each other.
    private static List<InsertRow> InsertOrder(List<InsertRow> rows) =>
        [.. rows.OrderBy(r => r.Shape.Rank).ThenBy(r => r.Shape.Sql, StringComparer.Ordinal)];
}
