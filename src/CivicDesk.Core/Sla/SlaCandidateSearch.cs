using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Workflow.Calendars;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Finds the open cases an <see cref="SlaRecomputation"/> evaluates after a new version of a calendar: those of the
/// case types with a clock on it whose stored clocks the change can move (see <see cref="CalendarChange"/>), and
/// those without a stored clock on it.
/// </summary>
internal sealed class SlaCandidateSearch(CivicDeskDbContext db, TimeProvider time)
{
    private static readonly CaseStatus[] OpenStatuses =
        [.. Enum.GetValues<CaseStatus>().Where(s => s.IsOpen())];

    /// <summary>Finds every open case, whatever the change (for tests).</summary>
    public bool SkipDisabled { get; init; }

    /// <summary>The cases to evaluate after calendar <paramref name="key"/>'s <paramref name="version"/>.</summary>
    public async Task<List<Candidate>> FindAsync(
        Guid jurisdictionId,
        string key,
        int version,
        List<(PinnedCaseType Pin, LoadedCaseType Loaded)> types,
        CancellationToken cancellationToken)
    {
        CalendarChange? change =
            await ChangeAsync(jurisdictionId, key, version, types.Select(t => t.Loaded), cancellationToken);
        return await CandidatesAsync(jurisdictionId, key, types, change, cancellationToken);
    }

    /// <summary>
    /// One set-based query finds every case to evaluate, with its service and case type (36 bytes each in memory,
    /// read as a stream), sorted by id; keyset batches with a selective filter made the database search anew for
    /// the next thousand matches in every batch, and a query per batch for the cases' service and type cost a
    /// third of a batch's reads.
    /// </summary>
    private async Task<List<Candidate>> CandidatesAsync(
        Guid jurisdictionId,
        string key,
        List<(PinnedCaseType Pin, LoadedCaseType Loaded)> types,
        CalendarChange? change,
        CancellationToken cancellationToken)
    {
        List<Candidate> found = [];
        if (types.Count == 0)
        {
            return found;
        }

        Dictionary<string, int> typeOf = new(StringComparer.Ordinal);
        for (int i = 0; i < types.Count; i++)
        {
            typeOf[types[i].Pin.ContentHash] = i;
        }

        IQueryable<CandidateRow> rows = Candidates(jurisdictionId, key, [.. typeOf.Keys], change);
        await foreach (CandidateRow row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            found.Add(new Candidate(row.Id, row.ServiceId, typeOf[row.CaseTypeHash!]));
        }

        // A case comes once per clock row that can move: keep one.
        found.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        int kept = 0;
        for (int i = 0; i < found.Count; i++)
        {
            if (kept == 0 || found[kept - 1].Id != found[i].Id)
            {
                found[kept++] = found[i];
            }
        }

        found.RemoveRange(kept, found.Count - kept);
        return found;
    }

    /// <summary>
    /// The open cases of the case types to evaluate again: with <paramref name="change"/>, those without a stored
    /// clock on the calendar, and those with one whose window may meet a changed day (see
    /// <see cref="CalendarChange"/>), or on a version not compared, or stored before the end of its last counted
    /// span was (evaluated once); a case comes once per such clock. A case's creation bounds the start of its
    /// clocks' windows from below: no status is entered before it.
    /// </summary>
    private IQueryable<CandidateRow> Candidates(
        Guid jurisdictionId,
        string key,
        string[] hashes,
        CalendarChange? change)
    {
        IQueryable<Case> open = db.Cases
            .Where(c => c.JurisdictionId == jurisdictionId
                && OpenStatuses.Contains(c.Status)
                && c.CaseTypeHash != null
                && hashes.Contains(c.CaseTypeHash));
        if (change is null || SkipDisabled)
        {
            return open.Select(c => new CandidateRow(c.Id, c.ServiceId, c.CaseTypeHash));
        }

        // A window is [the earlier of creation and first warning, the deadline or else the end of the last span
        // counted]; unused ranges are empty ones at the start of the compared range, which meet no window that
        // the first test below does not already take.
        Instant rangeStart = change.RangeStart;
        Instant futureStart = change.FutureStart;
        int[] versions = change.Versions;
        Interval[] past =
        [
            .. change.Past,
            .. Enumerable.Repeat(
                new Interval(rangeStart, rangeStart), CalendarChange.MaxPastRanges - change.Past.Count),
        ];
        (Instant s0, Instant e0, Instant s1, Instant e1, Instant s2, Instant e2) =
            (past[0].Start, past[0].End, past[1].Start, past[1].End, past[2].Start, past[2].End);
        (Instant s3, Instant e3, Instant s4, Instant e4, Instant s5, Instant e5) =
            (past[3].Start, past[3].End, past[4].Start, past[4].End, past[5].Start, past[5].End);
        string notStarted = SlaClockStates.NotStarted;

        // One pass over the cases and their clock rows on the calendar (a left join): the two sets as an anti-join
        // and a semi-join joined by UNION ALL made PostgreSQL hash every clock row twice (1.75 s at 1,000,000 open
        // cases, against 1.05 s). Ordered by id, PostgreSQL runs it as a parallel hash join and a merge of the
        // sorted parts; unordered, it chose a join on one core (1.84 s). SQLite sorts nothing: the list is sorted
        // here in any case.
        var rows = open
            .LeftJoin(
                db.CaseSlaClocks.Where(k => k.CalendarKey == key),
                c => c.Id,
                k => k.CaseId,
                (c, k) => new { C = c, K = k })
            .Where(x => x.K == null
                || !versions.Contains(x.K.CalendarVersion)
                || x.C.CreatedAt < rangeStart || x.K.WarningAt < rangeStart
                || x.K.Deadline >= futureStart
                || (x.K.Deadline == null && x.K.StoppedCountingAt == null && x.K.State != notStarted)
                || ((x.C.CreatedAt < e0 || x.K.WarningAt < e0) && (x.K.Deadline ?? x.K.StoppedCountingAt) >= s0)
                || ((x.C.CreatedAt < e1 || x.K.WarningAt < e1) && (x.K.Deadline ?? x.K.StoppedCountingAt) >= s1)
                || ((x.C.CreatedAt < e2 || x.K.WarningAt < e2) && (x.K.Deadline ?? x.K.StoppedCountingAt) >= s2)
                || ((x.C.CreatedAt < e3 || x.K.WarningAt < e3) && (x.K.Deadline ?? x.K.StoppedCountingAt) >= s3)
                || ((x.C.CreatedAt < e4 || x.K.WarningAt < e4) && (x.K.Deadline ?? x.K.StoppedCountingAt) >= s4)
                || ((x.C.CreatedAt < e5 || x.K.WarningAt < e5) && (x.K.Deadline ?? x.K.StoppedCountingAt) >= s5));
        return (db.IsPostgres ? rows.OrderBy(x => x.C.Id) : rows)
            .Select(x => new CandidateRow(x.C.Id, x.C.ServiceId, x.C.CaseTypeHash));
    }

    /// <summary>
    /// How version <paramref name="version"/> of the calendar differs from every version a stored clock may have
    /// counted on (the earlier published ones and those in the case types' bundles); null, so that every case is
    /// evaluated, when one of them does not load.
    /// </summary>
    private async Task<CalendarChange?> ChangeAsync(
        Guid jurisdictionId,
        string key,
        int version,
        IEnumerable<LoadedCaseType> types,
        CancellationToken cancellationToken)
    {
        var published = await db.Calendars.AsNoTracking()
            .Where(c => c.JurisdictionId == jurisdictionId && c.Key == key && c.Version <= version)
            .Select(c => new { c.Version, c.ContentHash, c.Content })
            .ToListAsync(cancellationToken);
        List<BusinessCalendar?> built =
            [.. published.Select(c => SlaSources.Build($"{key}:{c.Version}:{c.ContentHash}", c.Content))];
        BusinessCalendar? next = built.Find(c => c?.Version == version);
        if (next is null || built.Contains(null))
        {
            return null;
        }

        List<BusinessCalendar> earlier =
        [
            .. built.Where(c => c != next).OfType<BusinessCalendar>(),
            .. types.Select(t => t.Calendars.GetValueOrDefault(key)).OfType<BusinessCalendar>(),
        ];
        return CalendarChange.Between(next, earlier, time.GetCurrentInstant());
    }

    /// <summary>A case to evaluate: its id, service and the index of its case type version in the list.</summary>
    internal readonly record struct Candidate(Guid Id, Guid ServiceId, int Type);

    /// <summary>A case to evaluate as the search returns it.</summary>
    private sealed record CandidateRow(Guid Id, Guid ServiceId, string? CaseTypeHash);
}
