using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Imports.ImportCases;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Core.Tests.Imports.ImportTestSupport;
using static CivicDesk.Core.Tests.Sla.SlaWorld;

namespace CivicDesk.Core.Tests.Imports;

/// <summary>
/// Imported cases are pinned to their service's case type, and the open ones get their SLA clocks and timers from
/// their history, once. The world's clock reads Tuesday 2025-03-04 14:00 UTC (09:00 in New York); calendar
/// nyc-business counts Monday to Friday 08:00-18:00 New York.
/// </summary>
public sealed class ImportClocksTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_OpenCases_ArePinnedAndGetRunningAndBreachedClocksFromTheirHistory(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        PinnedCaseType nyc311 = await PublishNyc311Async(world);

        ImportSummary summary = await ImportAsync(world, await ThreeCasesAsync());

        // Two open cases, two clocks each; one pending timer per running resolution clock, its warning (the
        // breached case's is due at once; the breach timer follows when it fires).
        Assert.Equal(new ClocksScheduled(2, 4, 2), summary.Clocks);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.All(await db.Cases.ToListAsync(Ct), c => Assert.Equal(
            (nyc311.Key, nyc311.Version, nyc311.ContentHash),
            (c.CaseTypeKey, c.CaseTypeVersion, c.CaseTypeHash)));

        // Heat: 24 calendar hours from Saturday 10:00 EST, long past; acknowledged an hour after it came in.
        Dictionary<string, CaseSlaClock> heat = await ClocksAsync(db, "2001");
        Assert.Equal(
            (SlaClockStates.Breached, Instant.FromUtc(2025, 3, 2, 15, 0)),
            (heat["resolution"].State, heat["resolution"].Deadline));
        Assert.Equal(SlaClockStates.Met, heat["first-response"].State);

        // Dirty condition, 30 minutes old: 5 business days, due at the close of Tuesday 2025-03-11, 18:00 EDT.
        Dictionary<string, CaseSlaClock> dirty = await ClocksAsync(db, "2002");
        Assert.Equal(
            (SlaClockStates.Running, Instant.FromUtc(2025, 3, 11, 22, 0), "nyc-business", 1),
            (dirty["resolution"].State, dirty["resolution"].Deadline, dirty["resolution"].CalendarKey,
                dirty["resolution"].CalendarVersion));
        Assert.Equal(SlaClockStates.Met, dirty["first-response"].State);
        Guid dirtyId = await IdAsync(db, "2002");
        List<DurableTimer> timers = await db.Timers.Where(t => t.CaseId == dirtyId).ToListAsync(Ct);
        Assert.Equal(
            [(TimerKinds.SlaWarning, Instant.FromUtc(2025, 3, 11, 14, 0))],
            timers.Select(t => (t.Kind, t.DueAt)));
        Assert.All(timers, t => Assert.Equal(TimerStates.Pending, t.State));

        // The closed case has no clock: its service was worked by the source's rules, not by this case type.
        Assert.Empty(await ClocksAsync(db, "2003"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_SameFileTwice_SecondRunSchedulesNothing(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await PublishNyc311Async(world);
        string file = await ThreeCasesAsync();
        await ImportAsync(world, file);
        world.Time.Advance(TimeSpan.FromHours(1));

        ImportSummary second = await ImportAsync(world, file);

        Assert.Equal((0L, ClocksScheduled.None), (second.Inserted, second.Clocks));
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.Equal(4, await db.CaseSlaClocks.CountAsync(Ct));
        Assert.Equal(2, await db.Timers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_WithoutACaseType_LeavesCasesUnpinnedOnTheDefaultClock(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);

        ImportSummary summary = await ImportAsync(world, await ThreeCasesAsync());

        Assert.Equal(new ClocksScheduled(2, 2, 2), summary.Clocks);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.All(await db.Cases.ToListAsync(Ct), c => Assert.Null(c.CaseTypeHash));

        // The configured clock: 5 business days of 09:00-17:00, no holidays; closed at 17:00 EDT.
        CaseSlaClock dirty = Assert.Single((await ClocksAsync(db, "2002")).Values);
        Assert.Equal(
            (new SlaOptions().ClockId, SlaClockStates.Running, Instant.FromUtc(2025, 3, 11, 21, 0)),
            (dirty.ClockId, dirty.State, dirty.Deadline));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_AgencyTheCatalogueLacks_GetsTheQueuesOfASeededDepartment(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        string file = await new SyntheticNycFile()
            .Row("2101", r => (r["Agency"], r["Agency Name"]) = ("NYCEM", "Emergency Management"))
            .WriteAsync();

        ImportSummary summary = await ImportAsync(world, file);

        Assert.Equal(["NYCEM"], summary.DepartmentsCreated);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Department created = await db.Departments.SingleAsync(d => d.Code == "NYCEM", Ct);
        Department seeded = await db.Departments.SingleAsync(d => d.Code == "DSNY", Ct);
        Assert.Equal(await QueueCodesAsync(db, seeded.Id), await QueueCodesAsync(db, created.Id));
        Assert.Equal(["main", "supervisor-review"], await QueueCodesAsync(db, created.Id));
    }

    /// <summary>An open heat case from Saturday, an open dirty-condition case of 08:30 today, a closed one.</summary>
    private static Task<string> ThreeCasesAsync() => new SyntheticNycFile()
        .Row("2001", r =>
        {
            (r["Complaint Type"], r["Agency"], r["Agency Name"]) = ("HEAT/HOT WATER", "HPD", "Housing");
            r["Created Date"] = "03/01/2025 10:00:00 AM";
            r["Resolution Action Updated Date"] = "03/01/2025 11:00:00 AM";
        })
        .Row("2002", r =>
        {
            r["Created Date"] = "03/04/2025 08:30:00 AM";
            r["Resolution Action Updated Date"] = "03/04/2025 08:45:00 AM";
            r["Status"] = "In Progress";
        })
        .Row("2003", r =>
        {
            r["Created Date"] = "03/03/2025 09:00:00 AM";
            r["Closed Date"] = "03/03/2025 03:00:00 PM";
            r["Status"] = "Closed";
        })
        .WriteAsync();

    private static async Task<ImportSummary> ImportAsync(StaffWorld world, string file)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<ImportSummary> result = await StaffWorld.Get<ImportCasesHandler>(scope)
            .HandleAsync(new ImportCases(NycMapping, file, TempFile(".csv")), Ct);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    private static async Task<Guid> IdAsync(CivicDeskDbContext db, string key) =>
        await db.Cases.Where(c => c.SourceKey == key).Select(c => c.Id).SingleAsync(Ct);

    private static async Task<Dictionary<string, CaseSlaClock>> ClocksAsync(CivicDeskDbContext db, string key)
    {
        Guid id = await IdAsync(db, key);
        return await db.CaseSlaClocks.Where(c => c.CaseId == id).ToDictionaryAsync(c => c.ClockId, Ct);
    }

    private static async Task<List<string>> QueueCodesAsync(CivicDeskDbContext db, Guid departmentId) =>
        (await db.Queues.Where(q => q.DepartmentId == departmentId).Select(q => q.Code).ToListAsync(Ct))
            .Order(StringComparer.Ordinal).ToList();
}
