using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.AddCaseNote;
using CivicDesk.Core.Cases.AssignCase;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Cases.ReadCaseContact;
using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Sla;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Core.Tests.Workspace;

public sealed class CaseActionTests
{
    private static readonly Instant March1 = Instant.FromUtc(2025, 3, 1, 15, 0);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EachAction_OnVisibleCase_AppendsItsEventAndAuditWithTheNewVersion(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);
        StaffCaller caller = StaffWorld.Caller(ana);

        CaseChanged assigned = await RunAsync<AssignCaseHandler>(world, h
            => h.HandleAsync(new AssignCase(caller, caseId, 1, ana), StaffWorld.Ct));
        CaseChanged status = await RunAsync<ChangeCaseStatusHandler>(world, h => h.HandleAsync(
            new ChangeCaseStatus(caller, caseId, 2, CaseStatus.Closed, "Boiler repaired."), StaffWorld.Ct));
        CaseChanged note = await RunAsync<AddCaseNoteHandler>(world, h => h.HandleAsync(
            new AddCaseNote(caller, caseId, 3, "Tenant in 4B says heat is back.", EventVisibility.Internal),
                StaffWorld.Ct));

        Assert.Equal([2, 3, 4], new[] { assigned.Version, status.Version, note.Version });
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Case stored = await db.Cases.SingleAsync(c => c.Id == caseId, StaffWorld.Ct);
        Assert.Equal((4, CaseStatus.Closed, ana), (stored.Version, stored.Status, stored.AssigneeId!.Value));
        Dictionary<Guid, CaseEvent> events = await db.CaseEvents.Where(e => e.CaseId == caseId)
            .ToDictionaryAsync(e => e.Id, StaffWorld.Ct);
        Assert.Equal(4, events.Count);
        Assert.Equal(CaseEventKind.Assigned, events[assigned.EventId].Kind);
        Assert.Equal((CaseStatus.New, CaseStatus.Closed),
            (events[status.EventId].FromStatus, events[status.EventId].ToStatus));
        Assert.Equal(events[status.EventId].At, stored.ClosedAt);
        Assert.Equal((EventVisibility.Internal, "Tenant in 4B says heat is back."),
            (events[note.EventId].Visibility, events[note.EventId].Text));
        List<AuditEntry> audits = await db.AuditEntries.Where(a => a.TargetId == caseId).ToListAsync(StaffWorld.Ct);
        Assert.Equal(
            ["case.assigned", "case.note_added", "case.status_changed"],
            audits.Select(a => a.Action).Order(StringComparer.Ordinal));
        Assert.All(audits, a
            => Assert.Equal((ActorKind.Staff, ana, "198.51.100.7"), (a.ActorKind, a.ActorId!.Value, a.Address)));
        Assert.All(audits, a => Assert.DoesNotContain("Tenant", a.Detail, StringComparison.Ordinal));
        Assert.All(audits, a => Assert.DoesNotContain("Boiler", a.Detail, StringComparison.Ordinal));
        using JsonDocument statusDetail = JsonDocument.Parse(
            audits.Single(a => a.Action == "case.status_changed").Detail!);
        Assert.Equal("closed", statusDetail.RootElement.GetProperty("to").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Action_WithStaleVersion_IsRefusedWithTheCurrentValuesAndWritesNothing(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid ben = await world.AddUserAsync("ben", StaffRole.Supervisor, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);
        await RunAsync<ChangeCaseStatusHandler>(world, h => h.HandleAsync(
            new ChangeCaseStatus(StaffWorld.Caller(ben), caseId, 1, CaseStatus.InProgress, "Inspector booked."),
                StaffWorld.Ct));

        Result<CaseChanged> late = await HandleAsync<AddCaseNoteHandler>(world, h => h.HandleAsync(
            new AddCaseNote(StaffWorld.Caller(ana), caseId, 1, "Called the tenant.", EventVisibility.Internal),
                StaffWorld.Ct));

        EditConflict conflict = Assert.IsType<EditConflict>(late.Error);
        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Equal("in_progress", conflict.CurrentValues["status"]);
        Assert.Equal("Inspector booked.", conflict.CurrentValues["status_note"]);
        Assert.Equal("ben", conflict.CurrentValues["last_change_by"]);
        Assert.IsType<Instant>(conflict.CurrentValues["updated_at"]);
        Assert.IsType<Guid>(conflict.CurrentValues["queue_id"]);
        Assert.Null(conflict.CurrentValues["priority"]);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.Equal(0, await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.NoteAdded, StaffWorld.Ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "case.note_added", StaffWorld.Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Action_WhenAnotherSaveLandsBetweenReadAndSave_IsRefusedByTheConcurrencyToken(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);
        DbContextOptionsBuilder<CivicDeskDbContext> options = new();
        DataServiceCollectionExtensions.Configure(options, world.Database.Options);
        options.AddInterceptors(new ConcurrentWriter(world.Database, caseId));
        await using CivicDeskDbContext db = new(options.Options);
        SlaTimerScheduler timers = new(
            db, new DefaultSlaPolicy(db, new CatalogCache(world.Time), Options.Create(new SlaOptions())), world.Time);
        CaseTransitions transitions = new(
            db, new PinnedCaseTypes(db, new CaseTypeCache(), NullLogger<PinnedCaseTypes>.Instance));
        ChangeCaseStatusHandler handler = new(
            new CaseChanges(db, new StaffScopes(db), world.Time),
            timers,
            transitions,
            NullLogger<ChangeCaseStatusHandler>.Instance);

        Result<CaseChanged> result = await handler.HandleAsync(
            new ChangeCaseStatus(StaffWorld.Caller(ana), caseId, 1, CaseStatus.Open, null), StaffWorld.Ct);

        EditConflict conflict = Assert.IsType<EditConflict>(result.Error);
        Assert.Equal(2, conflict.CurrentVersion);
        await using CivicDeskDbContext check = world.Database.CreateContext();
        Assert.Equal(CaseStatus.New, (await check.Cases.SingleAsync(c => c.Id == caseId, StaffWorld.Ct)).Status);
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.Action == "case.status_changed", StaffWorld.Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryStaffUseCase_CaseOfAnotherDepartment_AnswersNotFound(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid hpdAgent = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid admin = await world.AddUserAsync("root", StaffRole.Administrator);
        Guid dotCase = await world.AddCaseAsync("street-condition", March1);
        StaffCaller caller = StaffWorld.Caller(hpdAgent);

        Result<CaseDetails> read = await HandleAsync<GetCaseHandler>(world, h
            => h.HandleAsync(caller, dotCase, StaffWorld.Ct));
        Result<ContactDetails> contact = await HandleAsync<ReadCaseContactHandler>(world, h
            => h.HandleAsync(caller, dotCase, StaffWorld.Ct));
        Result<CaseChanged> assign = await HandleAsync<AssignCaseHandler>(world, h
            => h.HandleAsync(new AssignCase(caller, dotCase, 1, hpdAgent), StaffWorld.Ct));
        Result<CaseChanged> status = await HandleAsync<ChangeCaseStatusHandler>(world, h => h.HandleAsync(
            new ChangeCaseStatus(caller, dotCase, 1, CaseStatus.Open, null), StaffWorld.Ct));
        Result<CaseChanged> note = await HandleAsync<AddCaseNoteHandler>(world, h => h.HandleAsync(
            new AddCaseNote(caller, dotCase, 1, "x", EventVisibility.Public), StaffWorld.Ct));
        Result<CaseDetails> byAdmin = await HandleAsync<GetCaseHandler>(world, h
            => h.HandleAsync(StaffWorld.Caller(admin), dotCase, StaffWorld.Ct));

        Assert.All([read.Error, contact.Error, assign.Error, status.Error, note.Error], e
            => Assert.IsType<NotFound>(e));
        Assert.True(byAdmin.IsSuccess);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.TargetId == dotCase, StaffWorld.Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Assign_ByAgentOrSupervisor_FollowsTheRoleRules(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid ben = await world.AddUserAsync("ben", StaffRole.Supervisor, "HPD");
        Guid dot = await world.AddUserAsync("dot", StaffRole.Agent, "DOT");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);

        Result<CaseChanged> agentToOther = await Assign(world, ana, caseId, 1, ben);
        Result<CaseChanged> supervisorToOtherDepartment = await Assign(world, ben, caseId, 1, dot);
        Result<CaseChanged> supervisorToAgent = await Assign(world, ben, caseId, 1, ana);
        Result<CaseChanged> agentReleasesOwn = await Assign(world, ana, caseId, 2, null);
        Result<CaseChanged> releaseAgain = await Assign(world, ana, caseId, 3, null);

        Assert.Equal("not_allowed", Assert.Single(Assert.IsType<ValidationFailed>(agentToOther.Error).Errors).Code);
        Assert.Equal("not_allowed",
            Assert.Single(Assert.IsType<ValidationFailed>(supervisorToOtherDepartment.Error).Errors).Code);
        Assert.True(supervisorToAgent.IsSuccess);
        Assert.True(agentReleasesOwn.IsSuccess);
        Assert.Equal("unchanged", Assert.Single(Assert.IsType<ValidationFailed>(releaseAgain.Error).Errors).Code);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReadContact_VisibleCase_ReturnsItAndAuditsTheRead(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);
        await using (CivicDeskDbContext db = world.Database.CreateContext())
        {
            db.CaseContacts.Add(new CaseContact(caseId, "Rosa", "Parks", "rosa@example.org", "+12125550142"));
            await db.SaveChangesAsync(StaffWorld.Ct);
        }

        Result<ContactDetails> read = await HandleAsync<ReadCaseContactHandler>(world, h
            => h.HandleAsync(StaffWorld.Caller(ana), caseId, StaffWorld.Ct));

        Assert.Equal("+12125550142", read.Value.PhoneE164);
        await using CivicDeskDbContext check = world.Database.CreateContext();
        AuditEntry audit = await check.AuditEntries.SingleAsync(a => a.Action == "case.contact.read", StaffWorld.Ct);
        Assert.Equal((ana, caseId), (audit.ActorId!.Value, audit.TargetId!.Value));
        Assert.DoesNotContain("Rosa", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangeStatus_ToTheSameStatusOrBackToNew_IsRefusedNamingTheField(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);

        Result<CaseChanged> same = await HandleAsync<ChangeCaseStatusHandler>(world, h => h.HandleAsync(
            new ChangeCaseStatus(StaffWorld.Caller(ana), caseId, 1, CaseStatus.New, null), StaffWorld.Ct));
        Result<CaseChanged> emptyNote = await HandleAsync<AddCaseNoteHandler>(world, h => h.HandleAsync(
            new AddCaseNote(StaffWorld.Caller(ana), caseId, 1, "   ", EventVisibility.Internal), StaffWorld.Ct));

        Assert.Equal(("status", "unchanged"), Single(same));
        Assert.Equal(("text", "required"), Single(emptyNote));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StatusNote_StatusChangeWithoutNote_ClearsItAndALaterPublicNoteReplacesIt(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);
        StaffCaller caller = StaffWorld.Caller(ana);

        await RunAsync<ChangeCaseStatusHandler>(world, h => h.HandleAsync(
            new ChangeCaseStatus(caller, caseId, 1, CaseStatus.InProgress, "Inspector booked."), StaffWorld.Ct));
        string? withNote = await StatusNoteAsync(world, caseId);
        await RunAsync<ChangeCaseStatusHandler>(world, h => h.HandleAsync(
            new ChangeCaseStatus(caller, caseId, 2, CaseStatus.OnHold, "  "), StaffWorld.Ct));
        string? withoutNote = await StatusNoteAsync(world, caseId);
        await RunAsync<AddCaseNoteHandler>(world, h => h.HandleAsync(
            new AddCaseNote(caller, caseId, 3, "Landlord not answering.", EventVisibility.Internal), StaffWorld.Ct));
        string? afterInternalNote = await StatusNoteAsync(world, caseId);
        await RunAsync<AddCaseNoteHandler>(world, h => h.HandleAsync(
            new AddCaseNote(caller, caseId, 4, "Parts ordered; back next week.", EventVisibility.Public),
                StaffWorld.Ct));
        string? afterPublicNote = await StatusNoteAsync(world, caseId);

        Assert.Equal("Inspector booked.", withNote);
        Assert.Null(withoutNote);
        Assert.Null(afterInternalNote);
        Assert.Equal("Parts ordered; back next week.", afterPublicNote);
    }

    private static async Task<string?> StatusNoteAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.StatusNote).SingleAsync(StaffWorld.Ct);
    }

    private static (string Field, string Code) Single(Result<CaseChanged> result)
    {
        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors);
        return (error.Field, error.Code);
    }

    private static Task<Result<CaseChanged>> Assign(StaffWorld world, Guid caller, Guid caseId, int version,
        Guid? to) =>
        HandleAsync<AssignCaseHandler>(world, h => h.HandleAsync(
            new AssignCase(StaffWorld.Caller(caller), caseId, version, to), StaffWorld.Ct));

    private static async Task<CaseChanged> RunAsync<THandler>(StaffWorld world, Func<THandler,
        Task<Result<CaseChanged>>> act)
        where THandler : notnull
    {
        Result<CaseChanged> result = await HandleAsync(world, act);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    private static async Task<Result<T>> HandleAsync<THandler, T>(StaffWorld world, Func<THandler, Task<Result<T>>> act)
        where THandler : notnull
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<T> result = await act(StaffWorld.Get<THandler>(scope));
        world.Time.Advance(TimeSpan.FromSeconds(1));
        return result;
    }

    private static Task<Result<CaseChanged>> HandleAsync<THandler>(StaffWorld world, Func<THandler,
        Task<Result<CaseChanged>>> act)
        where THandler : notnull => HandleAsync<THandler, CaseChanged>(world, act);

    private static Task<Result<CaseDetails>> HandleAsync<THandler>(StaffWorld world, Func<THandler,
        Task<Result<CaseDetails>>> act)
        where THandler : notnull => HandleAsync<THandler, CaseDetails>(world, act);

    private static Task<Result<ContactDetails>> HandleAsync<THandler>(StaffWorld world, Func<THandler,
        Task<Result<ContactDetails>>> act)
        where THandler : notnull => HandleAsync<THandler, ContactDetails>(world, act);

    /// <summary>Stands for a colleague whose save lands between this handler's read and its save.</summary>
    private sealed class ConcurrentWriter(TestDatabase database, Guid caseId) : SaveChangesInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await using CivicDeskDbContext other = database.CreateContext();
                await other.Cases.Where(c => c.Id == caseId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            }

            return result;
        }
    }
}
