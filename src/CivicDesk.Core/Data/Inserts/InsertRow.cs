using System.Data.Common;

namespace CivicDesk.Core.Data.Inserts;

/// <summary>One row to insert: its statement and its bound parameters.</summary>
internal sealed record InsertRow(InsertShape Shape, DbParameter[] Parameters);
