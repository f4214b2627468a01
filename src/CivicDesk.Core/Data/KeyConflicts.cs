using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivicDesk.Core.Data;

/// <summary>
/// A write refused because a row with its key exists already, on either database: a unique violation on
/// PostgreSQL, a constraint failure on SQLite (which reports every constraint with the same code, so callers use
/// it where a key is the only constraint their rows can break).
/// </summary>
internal static class KeyConflicts
{
    // SQLITE_CONSTRAINT.
    private const int SqliteConstraint = 19;

    public static bool Is(DbException exception) => exception
        is SqliteException { SqliteErrorCode: SqliteConstraint }
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
