using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Timers;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Evaluates again the clocks of every open case whose case type counts on a calendar, after a new version of
/// that calendar was published. One query finds the cases to evaluate (id, service and case type version): cases
/// whose stored clocks cannot have moved (no changed day in their clocks' windows, see
/// <see cref="CalendarChange"/>) are filtered out there and not read at all; their rows keep the calendar version
/// they were evaluated on, as do evaluated rows that did not change. Then, in batches, each case's status history,
/// timers and clock rows are read without tracking, evaluated in memory, and only what changed is written
/// set-based in one transaction per batch (<see cref="SlaBatchWriter"/>), so memory holds four batches (one read
/// ahead, one evaluated, two being written) and 40 bytes per case to evaluate. A case whose deadline moved gets an
/// internal timeline event saying why.
/// </summary>
// Limitation: a status change committed between a batch's read and its save is evaluated from the history read
// before it; the change's own scheduling (which already counts on the new calendar) wins only if it saves last.
// Lift it with an optimistic check on the case version in the batch's update when that race matters.
public sealed class SlaRecomputation(
    CivicDeskDbContext db,
    ISlaPolicy policy,
    SlaSources sources,
    SlaTimerScheduler scheduler,
    TimeProvider time,
    IServiceScopeFactory? scopes = null)
{
    public const int DefaultBatchSize = 1000;

    /// <summary>Writes each batch through EF Core's change tracker rather than set-based (for tests).</summary>
    internal bool TrackedWrites { get; set; }

    /// <summary>Evaluates every open case, even those the calendar change cannot move (for tests).</summary>
    internal bool SkipDisabled { get; set; }

    private static readonly CaseStatus[] OpenStatuses =
        [.. Enum.GetValues<CaseStatus>().Where(s => s.IsOpen())];

    /// <summary>Evaluates again the open cases with a clock on calendar <paramref name="key"/>.</summary>
    public async Task<SlaRecomputed> RecomputeAsync(
        Guid jurisdictionId,
        string key,
        int version,
        int batchSize,
        CancellationToken cancellationToken)
    {
        List<(PinnedCaseType Pin, LoadedCaseType Loaded)> types =
            await CaseTypesUsingAsync(jurisdictionId, key, cancellationToken);
        CalendarChange? change =
            await ChangeAsync(jurisdictionId, key, version, types.Select(t => t.Loaded), cancellationToken);
        List<Candidate> candidates = await CandidatesAsync(jurisdictionId, key, types, change, cancellationToken);
        int cases = 0;
        int moved = 0;

        // Batches are written on contexts of their own while the next ones are read and evaluated; each case is in
        // one batch only, so the writes of two batches touch no common row and may run at once. Writing, not
        // reading, is the slow half: two writers keep the database's cores busy. The next batch is read on a
        // context of its own while this one is evaluated.
        await using AsyncServiceScope? reading = Overlapping(candidates.Count, batchSize, 1);
        await using AsyncServiceScope? first = Overlapping(candidates.Count, batchSize, 1);
        await using AsyncServiceScope? second = Overlapping(candidates.Count, batchSize, 2);
        CivicDeskDbContext?[] writers =
        [
            first?.ServiceProvider.GetRequiredService<CivicDeskDbContext>(),
            second?.ServiceProvider.GetRequiredService<CivicDeskDbContext>(),
        ];
        CivicDeskDbContext? reader = reading?.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        Task[] written = [Task.CompletedTask, Task.CompletedTask];
        Candidate[][] batches = [.. candidates.Chunk(batchSize)];

        // A plan depends only on the service and the case type version (and the calendars, which this
        // recompute reads once): one per pair, not one per case.
        Dictionary<(Guid ServiceId, int Type), SlaPlan?> plans = [];
        Task<BatchRead>? ahead = null;
        try
        {
            for (int number = 0; number < batches.Length; number++)
            {
                BatchRead read = ahead is null
                    ? await ReadBatchAsync(db, batches[number], cancellationToken)
                    : await ahead;
                ahead = reader is null || number + 1 == batches.Length
                    ? null
                    : ReadBatchAsync(reader, batches[number + 1], cancellationToken);
                (SlaChanges changes, int evaluated, int batchMoved) = await EvaluateAsync(
                    read, batches[number], types, plans, jurisdictionId, key, version, cancellationToken);
                int slot = number % 2;
                await written[slot];
                if (writers[slot] is not { } writer)
                {
                    await WriteAsync(db, changes, cancellationToken);
                }
                else
                {
                    written[slot] = Task.Run(() => WriteAsync(writer, changes, cancellationToken), cancellationToken);
                }

                cases += evaluated;
                moved += batchMoved;
            }
        }
        catch
        {
            // The reads and writes in flight end before their contexts go; the evaluation's failure is the one to
            // report.
            await Task.WhenAll([.. written, ahead ?? Task.CompletedTask]).ContinueWith(
                static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        await Task.WhenAll(written);
        return new SlaRecomputed(cases, moved);
    }

    /// <summary>
    /// A scope for the <paramref name="writer"/>th context writing batches while others are evaluated: none when
    /// writes go through the tracker, when there is no scope factory, or when fewer batches than that would use it.
    /// </summary>
    private AsyncServiceScope? Overlapping(int candidates, int batchSize, int writer) =>
        TrackedWrites || scopes is null || candidates <= writer * batchSize ? null : scopes.CreateAsyncScope();

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

        IQueryable<Case> open = Candidates(jurisdictionId, key, [.. typeOf.Keys], change);
        await foreach (var row in open.Select(c => new { c.Id, c.ServiceId, c.CaseTypeHash })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            found.Add(new Candidate(row.Id, row.ServiceId, typeOf[row.CaseTypeHash!]));
        }

        found.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return found;
    }

    /// <summary>
    /// The open cases of the case types to evaluate again: with <paramref name="change"/>, only those
    /// with a stored clock on the calendar whose window may meet a changed day (see <see cref="CalendarChange"/>),
    /// or on a version not compared, or stored before the end of its last counted span was (evaluated once), and
    /// any without one.
    /// A case's creation bounds the start of its clocks' windows from below: no status is entered before it.
    /// </summary>
    private IQueryable<Case> Candidates(Guid jurisdictionId, string key, string[] hashes, CalendarChange? change)
    {
        IQueryable<Case> open = db.Cases
            .Where(c => c.JurisdictionId == jurisdictionId
                && OpenStatuses.Contains(c.Status)
                && c.CaseTypeHash != null
                && hashes.Contains(c.CaseTypeHash));
        if (change is null || SkipDisabled)
        {
            return open;
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

        // Two disjoint sets, each a plain (anti- or semi-) join the database runs set-based over the whole table;
        // joined by OR, PostgreSQL ran the second as a sub-query per case.
        IQueryable<Case> unclocked = open
            .Where(c => !db.CaseSlaClocks.Any(k => k.CaseId == c.Id && k.CalendarKey == key));
        IQueryable<Case> movable = open
            .Where(c => db.CaseSlaClocks.Any(k => k.CaseId == c.Id && k.CalendarKey == key
                && (!versions.Contains(k.CalendarVersion)
                    || c.CreatedAt < rangeStart || k.WarningAt < rangeStart
                    || k.Deadline >= futureStart
                    || (k.Deadline == null && k.StoppedCountingAt == null && k.State != notStarted)
                    || ((c.CreatedAt < e0 || k.WarningAt < e0) && (k.Deadline ?? k.StoppedCountingAt) >= s0)
                    || ((c.CreatedAt < e1 || k.WarningAt < e1) && (k.Deadline ?? k.StoppedCountingAt) >= s1)
                    || ((c.CreatedAt < e2 || k.WarningAt < e2) && (k.Deadline ?? k.StoppedCountingAt) >= s2)
                    || ((c.CreatedAt < e3 || k.WarningAt < e3) && (k.Deadline ?? k.StoppedCountingAt) >= s3)
                    || ((c.CreatedAt < e4 || k.WarningAt < e4) && (k.Deadline ?? k.StoppedCountingAt) >= s4)
                    || ((c.CreatedAt < e5 || k.WarningAt < e5) && (k.Deadline ?? k.StoppedCountingAt) >= s5))));
        return unclocked.Concat(movable);
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

    /// <summary>
    /// Reads the histories, timers and clock rows of a batch of cases to evaluate, on <paramref name="source"/>.
    /// </summary>
    private async Task<BatchRead> ReadBatchAsync(
        CivicDeskDbContext source,
        Candidate[] batch,
        CancellationToken cancellationToken)
    {
        Guid[] ids = [.. batch.Select(c => c.Id)];
        ILookup<Guid, CaseHistoryEvent> histories = await CaseHistory.ForCasesAsync(source, ids, cancellationToken);
        ILookup<Guid, DurableTimer> timers = (await Read(source.Timers)
                .Where(t => t.CaseId != null && ids.Contains(t.CaseId.Value)
                    && SlaTimerScheduler.SlaKinds.Contains(t.Kind))
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.CaseId!.Value);
        ILookup<Guid, CaseSlaClock> clocks = (await Read(source.CaseSlaClocks)
                .Where(c => ids.Contains(c.CaseId))
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.CaseId);
        return new BatchRead(histories, timers, clocks);
    }

    /// <summary>
    /// Evaluates a batch read: what to write, how many cases were evaluated and how many deadlines moved. A case
    /// closed since the search (its history ends in a closed status) is left to the closing, which stops its clocks
    /// itself.
    /// </summary>
    private async Task<(SlaChanges Changes, int Evaluated, int Moved)> EvaluateAsync(
        BatchRead read,
        Candidate[] batch,
        List<(PinnedCaseType Pin, LoadedCaseType Loaded)> types,
        Dictionary<(Guid ServiceId, int Type), SlaPlan?> plans,
        Guid jurisdictionId,
        string key,
        int version,
        CancellationToken cancellationToken)
    {
        Instant now = time.GetCurrentInstant();
        SlaChanges changes = new();
        int evaluated = 0;
        int moved = 0;
        foreach (Candidate candidate in batch)
        {
            CaseHistoryEvent[] history = [.. read.Histories[candidate.Id]];
            if (history is [.., StateEntered last]
                && CaseStatusExtensions.TryParseCode(last.State, out CaseStatus status) && !status.IsOpen())
            {
                continue;
            }

            evaluated++;
            if (!plans.TryGetValue((candidate.ServiceId, candidate.Type), out SlaPlan? plan))
            {
                SlaSubject subject = new(jurisdictionId, candidate.ServiceId, types[candidate.Type].Pin);
                plan = await policy.PlanForAsync(subject, cancellationToken);
                plans[(candidate.ServiceId, candidate.Type)] = plan;
            }

            List<DeadlineMove> moves = scheduler.Apply(
                candidate.Id,
                plan,
                history,
                [.. read.Timers[candidate.Id]],
                [.. read.Clocks[candidate.Id]],
                now,
                changes);
            foreach (DeadlineMove move in moves)
            {
                changes.Notes.Add(Explain(move, plan!, key, version, now));
            }

            moved += moves.Count;
        }

        return (changes, evaluated, moved);
    }

    /// <summary>
    /// Set-based by default. <see cref="TrackedWrites"/> writes through the change tracker and SaveChanges
    /// instead, as before the set-based writer; tests compare the two.
    /// </summary>
    private async Task WriteAsync(CivicDeskDbContext writer, SlaChanges changes, CancellationToken cancellationToken)
    {
        if (!TrackedWrites)
        {
            await new SlaBatchWriter(writer).WriteAsync(changes, cancellationToken);
            return;
        }

        changes.Track(db);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Rows the batch may change: read without tracking, unless written through the tracker.</summary>
    private IQueryable<T> Read<T>(DbSet<T> rows)
        where T : class => TrackedWrites ? rows : rows.AsNoTracking();

    // The note keeps its facts, not a sentence: the workspace words them in the reader's language and time zone.
    private CaseEvent Explain(DeadlineMove move, SlaPlan plan, string key, int version, Instant now)
    {
        DateTimeZone zone = plan.Clocks.First(c => c.Definition.Id == move.ClockId).Calendar.Zone;
        return new CaseEvent(
            time.NewId(), move.CaseId, CaseEventKind.SlaDeadlineMoved, now, Actor.System, EventVisibility.Internal)
        {
            Data = new DeadlineMovedRecord(move.ClockId, move.From, move.To, key, version, zone.Id).ToJson(),
        };
    }

    /// <summary>The jurisdiction's case type versions with a clock on the calendar, loaded.</summary>
    private async Task<List<(PinnedCaseType Pin, LoadedCaseType Loaded)>> CaseTypesUsingAsync(
        Guid jurisdictionId,
        string key,
        CancellationToken cancellationToken)
    {
        List<PinnedCaseType> versions = await db.CaseTypeVersions.AsNoTracking()
            .Where(v => v.JurisdictionId == jurisdictionId)
            .Select(v => new PinnedCaseType(v.Key, v.Version, v.ContentHash))
            .ToListAsync(cancellationToken);
        List<(PinnedCaseType, LoadedCaseType)> found = [];
        foreach (PinnedCaseType pin in versions.DistinctBy(v => v.ContentHash, StringComparer.Ordinal))
        {
            LoadedCaseType? loaded = await sources.CaseTypeAsync(jurisdictionId, pin, cancellationToken);
            if (loaded?.CaseType.Sla.Any(s => string.Equals(s.Calendar, key, StringComparison.Ordinal)) == true)
            {
                found.Add((pin, loaded));
            }
        }

        return found;
    }

    /// <summary>A case to evaluate: its id, service and the index of its case type version in the list.</summary>
    private readonly record struct Candidate(Guid Id, Guid ServiceId, int Type);

    private sealed record BatchRead(
        ILookup<Guid, CaseHistoryEvent> Histories,
        ILookup<Guid, DurableTimer> Timers,
        ILookup<Guid, CaseSlaClock> Clocks);
}

/// <summary>How many open cases had their clocks evaluated again, and how many deadlines moved.</summary>
public sealed record SlaRecomputed(int Cases, int DeadlinesMoved);
