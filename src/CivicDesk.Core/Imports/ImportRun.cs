using NodaTime;

namespace CivicDesk.Core.Imports;

/// <summary>One run of an importer over one file, with its counts.</summary>
public sealed class ImportRun
{
    private ImportRun()
    {
        SourceSystem = string.Empty;
        FileName = string.Empty;
    }

    public ImportRun(Guid id, Guid jurisdictionId, string sourceSystem, string fileName, Instant startedAt)
    {
        Id = id;
        JurisdictionId = jurisdictionId;
        SourceSystem = sourceSystem;
        FileName = fileName;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid JurisdictionId { get; private set; }

    public string SourceSystem { get; private set; }

    public string FileName { get; private set; }

    public Instant StartedAt { get; private set; }

    public Instant? FinishedAt { get; private set; }

    public long RowsRead { get; private set; }

    public long Inserted { get; private set; }

    /// <summary>Rows whose source key was already present; left as they were.</summary>
    public long AlreadyPresent { get; private set; }

    public long Rejected { get; private set; }

    public long Flagged { get; private set; }

    public void Finish(Instant at, long rowsRead, long inserted, long alreadyPresent, long rejected, long flagged)
    {
        FinishedAt = at;
        RowsRead = rowsRead;
        Inserted = inserted;
        AlreadyPresent = alreadyPresent;
        Rejected = rejected;
        Flagged = flagged;
    }
}
