using System.Data.Common;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Data;
using CivicDesk.Core.Timers;
using CivicDesk.Workflow.Sla;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// Gives the open cases of one source system that have no stored clock their first clocks and timers, from their
/// history (each status they entered and when): the cases a bulk import wrote without intake's scheduling. The
/// same evaluation as intake's and a recompute's (<see cref="SlaTimerScheduler"/>, with the case's plan from
/// <see cref="ISlaPolicy"/>), in keyset batches (by source key) read without tracking and written set-based
/// (<see cref="SlaBatchWriter"/>), one transaction per batch. A case that has a clock row is never read, so a
/// second call schedules nothing twice; a closed case gets no clock.
/// </summary>
/// <remarks>
/// A status change or another import that gives a case its clocks between a batch's read and its write makes the
/// batch's insert fail on the clock's key; the batch is then rolled back and read again without that case.
/// </remarks>
public sealed class SlaFirstScheduling(
    CivicDeskDbContext db,
    ISlaPolicy policy,
    SlaTimerScheduler scheduler,
    TimeProvider time)
{
    public const int DefaultBatchSize = 1000;

    private const int MaxConflicts = 10;

    private static readonly CaseStatus[] OpenStatuses =
        [.. Enum.GetValues<CaseStatus>().Where(s => s.IsOpen())];

    /// <summary>Schedules the clocks of <paramref name="sourceSystem"/>'s open cases that have none.</summary>
    public async Task<ClocksScheduled> ScheduleUnclockedAsync(
        Guid jurisdictionId,
        string sourceSystem,
        int batchSize,
        CancellationToken cancellationToken)
    {
        ClocksScheduled total = ClocksScheduled.None;
        string? after = null;
        int conflicts = 0;
        while (true)
        {
            List<SubjectRow> batch = await Unclocked(db, jurisdictionId, sourceSystem, after)
                .Take(batchSize)
                .Select(c => new SubjectRow(
                    c.Id, c.SourceKey!, c.ServiceId, c.CaseTypeKey, c.CaseTypeVersion, c.CaseTypeHash))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            try
            {
                total = total.Add(await ScheduleBatchAsync(jurisdictionId, batch, cancellationToken));
            }
            catch (DbException exception) when (KeyConflicts.Is(exception) && ++conflicts <= MaxConflicts)
            {
                // Another writer gave some of these cases their clocks first; the batch was rolled back whole,
                // and read again it leaves those cases out.
                continue;
            }

            after = batch[^1].SourceKey;
        }
    }

    /// <summary>
    /// The source's open cases without a clock row after <paramref name="after"/>, in source key order. The keyset
    /// is the source key, not the case id, so that each batch walks the unique index on (source system, source key)
    /// from where the last one stopped and stops at the batch's size: keyed on the id, no index served both the
    /// filter and the order, and SQLite read every case of the jurisdiction and sorted the open ones again for
    /// each batch, a cost that grew with the size of the table rather than the batch. Every imported case has a
    /// source key; only imports set a source system. The comparison and the order are both the database's (its
    /// collation for the column), so the keyset neither skips nor repeats a key.
    /// </summary>
    internal static IQueryable<Case> Unclocked(
        CivicDeskDbContext db,
        Guid jurisdictionId,
        string sourceSystem,
        string? after)
    {
        IQueryable<Case> cases = db.Cases.AsNoTracking()
            .Where(c => c.SourceSystem == sourceSystem
                && c.SourceKey != null
                && c.JurisdictionId == jurisdictionId
                && OpenStatuses.Contains(c.Status)
                && !db.CaseSlaClocks.Any(k => k.CaseId == c.Id));
        if (after is not null)
        {
            cases = cases.Where(c => c.SourceKey!.CompareTo(after) > 0);
        }

        return cases.OrderBy(c => c.SourceKey);
    }

    private async Task<ClocksScheduled> ScheduleBatchAsync(
        Guid jurisdictionId,
        List<SubjectRow> batch,
        CancellationToken cancellationToken)
    {
        Guid[] ids = [.. batch.Select(c => c.Id)];
        ILookup<Guid, CaseHistoryEvent> histories = await CaseHistory.ForCasesAsync(db, ids, cancellationToken);

        // A case without clock rows has no pending SLA timer as a rule, but any it has are reconciled, not doubled.
        ILookup<Guid, DurableTimer> timers = (await db.Timers.AsNoTracking()
                .Where(t => t.CaseId != null && ids.Contains(t.CaseId.Value)
                    && SlaTimerScheduler.SlaKinds.Contains(t.Kind))
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.CaseId!.Value);
        Instant now = time.GetCurrentInstant();
        SlaChanges changes = new();
        int cases = 0;
        foreach (SubjectRow row in batch)
        {
            SlaSubject subject = new(jurisdictionId, row.ServiceId, row.Pin);
            SlaPlan? plan = await policy.PlanForAsync(subject, cancellationToken);
            int before = changes.AddedClocks.Count;
            scheduler.Apply(row.Id, plan, [.. histories[row.Id]], [.. timers[row.Id]], [], now, changes);
            cases += changes.AddedClocks.Count > before ? 1 : 0;
        }

        await new SlaBatchWriter(db).WriteAsync(changes, cancellationToken);
        return new ClocksScheduled(cases, changes.AddedClocks.Count, changes.AddedTimers.Count);
    }

    private sealed record SubjectRow(
        Guid Id,
        string SourceKey,
        Guid ServiceId,
        string? Key,
        int? Version,
        string? Hash)
    {
        public PinnedCaseType? Pin => Key is not null && Version is int version && Hash is not null
            ? new PinnedCaseType(Key, version, Hash)
            : null;
    }
}

/// <summary>How many open cases got their first clocks, and how many clock rows and timers that wrote.</summary>
public sealed record ClocksScheduled(long Cases, long Clocks, long Timers)
{
    public static ClocksScheduled None { get; } = new(0, 0, 0);

    public ClocksScheduled Add(ClocksScheduled other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ClocksScheduled(Cases + other.Cases, Clocks + other.Clocks, Timers + other.Timers);
    }
}
