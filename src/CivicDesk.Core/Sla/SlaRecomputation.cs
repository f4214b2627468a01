using System.Collections.Concurrent;
using System.Data.Common;
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
using Candidate = CivicDesk.Core.Sla.SlaCandidateSearch.Candidate;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Evaluates again the clocks of every open case whose case type counts on a calendar, after a new version of
/// that calendar was published. One query finds the cases to evaluate (id, service and case type version;
/// <see cref="SlaCandidateSearch"/>): cases whose stored clocks cannot have moved (no changed day in their clocks'
/// windows, see <see cref="CalendarChange"/>) are filtered out there and not read at all; their rows keep the
/// calendar version they were evaluated on, as do evaluated rows that did not change. Then, in batches, each
/// case's status history, timers (key and state only) and clock rows are read without tracking, evaluated in
/// memory, and only what changed is written set-based in one transaction per batch (<see cref="SlaBatchWriter"/>),
/// so memory holds four batches (one read ahead, one evaluated, two being written) and 40 bytes per case to
/// evaluate. A case whose deadline moved gets an internal timeline event saying why.
/// </summary>
// Limitation: a status change saved between a batch's read and its write is noticed only through the timers: one
// that removes, replaces or fires a timer the batch read, or adds one the batch adds, makes the batch be evaluated
// again (WriteBatchAsync). A change that only adds a timer the batch does not want (a paused clock resumed) is not
// noticed: the batch writes the clock row from the history it read (paused) while the new timer stays pending,
// until the case's next scheduling. Lift it with an optimistic check on the case's version in the batch's write.
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

    /// <summary>Runs before each attempt to write a batch, with the batch's case ids (for tests).</summary>
    internal Func<Guid[], Task>? BeforeWrite { get; set; }

    // A batch whose write meets a change saved since its read is read, evaluated and written again; a case changed
    // that often during one recompute fails it.
    private const int WriteAttempts = 3;

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
        List<Candidate> candidates = await new SlaCandidateSearch(db, time) { SkipDisabled = SkipDisabled }
            .FindAsync(jurisdictionId, key, version, types, cancellationToken);

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

        Pass pass = new(types, new(), jurisdictionId, key, version);
        (int Evaluated, int Moved)[] counts = new (int, int)[batches.Length];
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
                Candidate[] batch = batches[number];
                (SlaChanges changes, int evaluated, int moved) =
                    await EvaluateAsync(read, batch, pass, cancellationToken);
                int slot = number % 2;
                int index = number;
                await written[slot];
                if (writers[slot] is not { } writer)
                {
                    counts[index] = await WriteBatchAsync(
                        db, batch, changes, (evaluated, moved), pass, cancellationToken);
                }
                else
                {
                    written[slot] = Task.Run(
                        async () => counts[index] = await WriteBatchAsync(
                            writer, batch, changes, (evaluated, moved), pass, cancellationToken),
                        cancellationToken);
                }
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
        return new SlaRecomputed(counts.Sum(c => c.Evaluated), counts.Sum(c => c.Moved));
    }

    /// <summary>
    /// A scope for the <paramref name="writer"/>th context writing batches while others are evaluated: none when
    /// writes go through the tracker, when there is no scope factory, or when fewer batches than that would use it.
    /// </summary>
    private AsyncServiceScope? Overlapping(int candidates, int batchSize, int writer) =>
        TrackedWrites || scopes is null || candidates <= writer * batchSize ? null : scopes.CreateAsyncScope();

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
        IQueryable<DurableTimer> stored = source.Timers.Where(t => t.CaseId != null && ids.Contains(t.CaseId.Value)
            && SlaTimerScheduler.SlaKinds.Contains(t.Kind));
        ILookup<Guid, DurableTimer> timers = (TrackedWrites
                ? await stored.ToListAsync(cancellationToken)
                : await stored.AsNoTracking()
                    .Select(t => DurableTimer.KeyAndState(t.Id, t.CaseId, t.DedupeKey, t.State))
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
        Pass pass,
        CancellationToken cancellationToken)
    {
        Instant now = time.GetCurrentInstant();
        SlaChanges changes = new();
        int evaluated = 0;
        int moved = 0;
        foreach (Candidate candidate in batch)
        {
            // The plan first, also for a case skipped below: a batch evaluated again after a conflict runs on a
            // writer's task and must find every plan it needs here, without the recompute's context.
            if (!pass.Plans.TryGetValue((candidate.ServiceId, candidate.Type), out SlaPlan? plan))
            {
                SlaSubject subject = new(pass.JurisdictionId, candidate.ServiceId, pass.Types[candidate.Type].Pin);
                plan = await policy.PlanForAsync(subject, cancellationToken);
                pass.Plans[(candidate.ServiceId, candidate.Type)] = plan;
            }

            CaseHistoryEvent[] history = [.. read.Histories[candidate.Id]];
            if (history is [.., StateEntered last]
                && CaseStatusExtensions.TryParseCode(last.State, out CaseStatus status) && !status.IsOpen())
            {
                continue;
            }

            evaluated++;

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
                changes.Notes.Add(Explain(move, plan!, pass.Key, pass.Version, now));
            }

            moved += moves.Count;
        }

        return (changes, evaluated, moved);
    }

    /// <summary>
    /// Writes a batch evaluated as <paramref name="counts"/> says. When a change saved since the batch was read
    /// conflicts with its write (a timer fired, or a status change removed or replaced a timer the batch read), the
    /// write changes nothing; the batch's cases are then read and evaluated again on <paramref name="context"/>,
    /// now with that change in their history, and written again. A live system changes cases while a recompute
    /// runs: failing there left the rest of the open cases on the old calendar.
    /// </summary>
    private async Task<(int Evaluated, int Moved)> WriteBatchAsync(
        CivicDeskDbContext context,
        Candidate[] batch,
        SlaChanges changes,
        (int Evaluated, int Moved) counts,
        Pass pass,
        CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                if (BeforeWrite is { } hook)
                {
                    await hook(batch.Select(c => c.Id).ToArray());
                }

                await WriteAsync(context, changes, cancellationToken);
                return counts;
            }
            catch (Exception exception) when (attempt < WriteAttempts && IsConflict(exception))
            {
                context.ChangeTracker.Clear();
                BatchRead again = await ReadBatchAsync(context, batch, cancellationToken);
                (changes, int evaluated, int moved) = await EvaluateAsync(again, batch, pass, cancellationToken);
                counts = (evaluated, moved);
            }
        }
    }

    /// <summary>
    /// A change saved since the batch's read: a timer it read changed state or is gone (the writer's state check),
    /// or a timer or clock row it adds exists already (the same change made by the other side, such as the status
    /// change's own scheduling on the new calendar).
    /// </summary>
    private static bool IsConflict(Exception exception) => exception is DbUpdateConcurrencyException
        || (exception is DbUpdateException { InnerException: DbException inner } ? inner : exception)
            is DbException refused && KeyConflicts.Is(refused);

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

    /// <summary>
    /// What every batch of one recompute is evaluated with. A plan depends only on the service and the case type
    /// version (and the calendars, which the recompute reads once): one per pair, not one per case, shared by the
    /// writers' tasks, which evaluate a batch again after a conflict.
    /// </summary>
    private sealed record Pass(
        List<(PinnedCaseType Pin, LoadedCaseType Loaded)> Types,
        ConcurrentDictionary<(Guid ServiceId, int Type), SlaPlan?> Plans,
        Guid JurisdictionId,
        string Key,
        int Version);

    private sealed record BatchRead(
        ILookup<Guid, CaseHistoryEvent> Histories,
        ILookup<Guid, DurableTimer> Timers,
        ILookup<Guid, CaseSlaClock> Clocks);
}

/// <summary>How many open cases had their clocks evaluated again, and how many deadlines moved.</summary>
public sealed record SlaRecomputed(int Cases, int DeadlinesMoved);
