using System.Data.Common;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>Writes accepted rows to the database, one provider's bulk path each.</summary>
internal interface ICaseWriter : IAsyncDisposable
{
    /// <summary>
    /// Starts a batch in <paramref name="transaction"/>; its rows are written by the next flush at the latest.
    /// </summary>
    void Begin(DbTransaction transaction);

    ValueTask AddAsync(ImportedCase row, CancellationToken cancellationToken);

    /// <summary>Writes what is still buffered and counts each row as inserted, already present or rejected.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
