using CivicDesk.Core.Cases;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>The running counts of one import run.</summary>
internal sealed class ImportTally
{
    private static readonly DataQualityFlags[] Flags =
        [.. Enum.GetValues<DataQualityFlags>().Where(f => f != DataQualityFlags.None)];

    private readonly long[] _byFlag = new long[Flags.Length];

    public long RowsRead { get; set; }

    public long Inserted { get; private set; }

    public long AlreadyPresent { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Inserted rows that carry at least one data-quality flag.</summary>
    public long Flagged { get; private set; }

    public void CountInserted(DataQualityFlags quality)
    {
        Inserted++;
        if (quality == DataQualityFlags.None)
        {
            return;
        }

        Flagged++;
        for (int i = 0; i < Flags.Length; i++)
        {
            if ((quality & Flags[i]) != 0)
            {
                _byFlag[i]++;
            }
        }
    }

    // Limitation: a key repeated within one file counts its later rows as already present, like a re-run, with
    // no line in the report; telling them apart would need the keys of the run kept, which streaming avoids.
    public void CountAlreadyPresent(long rows) => AlreadyPresent += rows;

    public void CountRejected() => Rejected++;

    /// <summary>Inserted rows per flag; a row with two flags counts under both.</summary>
    public IReadOnlyDictionary<DataQualityFlags, long> ByFlag() =>
        Flags.Select((flag, i) => (flag, i)).ToDictionary(p => p.flag, p => _byFlag[p.i]);
}
