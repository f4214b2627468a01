using CivicDesk.Core.Audit;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Tests.Workspace;

/// <summary>
/// Issue 4, item 8: a case pinned to a case type moves only by the transitions of that version, taken by a role
/// it names, with the fields it requires and its guard true; an unpinned case keeps the free status change.
/// </summary>
public sealed class CaseTransitionTests
{
    private static readonly Instant March1 = Instant.FromUtc(2025, 3, 1, 15, 0);

    private static CancellationToken Ct => StaffWorld.Ct;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Change_AgentTakesSupervisorOnlyCancel_IsRefusedNamingTheTransitionAndNothingChanges(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid ana, Guid caseId) = await AgentAndPinnedCaseAsync(world, StaffRole.Agent);

        Result<CaseChanged> refused = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(ana), caseId, 1, null, null)
        {
            Transition = "cancel",
            Fields = new Dictionary<string, string> { ["cancel_reason"] = "duplicate" },
        });

        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(refused.Error).Errors);
        Assert.Equal(("transition", "role_not_allowed"), (error.Field, error.Code));
        Assert.Contains("Supervisor", error.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(world, caseId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Change_CloseWithoutResolution_IsRefusedNamingTheFieldAndWithItClosesAndKeepsIt(
        string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid ana, Guid caseId) = await AgentAndPinnedCaseAsync(world, StaffRole.Agent);
        await TakeAsync(world, ana, caseId, 1, "acknowledge");

        Result<CaseChanged> refused = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(ana), caseId, 2, CaseStatus.Closed, "Done.")
        {
            Fields = new Dictionary<string, string> { ["resolution"] = "   " },
        });
        CaseChanged closed = await TakeAsync(world, ana, caseId, 2, "close", ("resolution", " Boiler repaired. "));

        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(refused.Error).Errors);
        Assert.Equal(("fields.resolution", "required"), (error.Field, error.Code));
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.Equal(CaseStatus.Closed, (await db.Cases.SingleAsync(c => c.Id == caseId, Ct)).Status);
        CaseEvent changed = await db.CaseEvents.SingleAsync(e => e.Id == closed.EventId, Ct);
        TransitionRecord kept = Assert.IsType<TransitionRecord>(TransitionRecord.Read(changed.Data));
        Assert.Equal("close", kept.Transition);
        Assert.Equal("Boiler repaired.", kept.Fields["resolution"]);
        List<AuditEntry> audits = await db.AuditEntries
            .Where(a => a.TargetId == caseId && a.Action == "case.status_changed").ToListAsync(Ct);
        Assert.Contains(audits, a => a.Detail!.Contains("\"transition\":\"close\"", StringComparison.Ordinal));
        TimelineEntry shown = (await GetAsync(world, ana, caseId)).Timeline.Single(e => e.Id == closed.EventId);
        Assert.Equal("Boiler repaired.", shown.Transition!.Fields["resolution"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Change_CancelReasonOutsideTheGuardList_IsRefusedNamingTheField(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid sam, Guid caseId) = await AgentAndPinnedCaseAsync(world, StaffRole.Supervisor);

        Result<CaseChanged> refused = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(sam), caseId, 1, null, null)
        {
            Transition = "cancel",
            Fields = new Dictionary<string, string> { ["cancel_reason"] = "bored" },
        });
        CaseChanged cancelled = await TakeAsync(world, sam, caseId, 1, "cancel", ("cancel_reason", "duplicate"));

        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(refused.Error).Errors);
        Assert.Equal(("fields.cancel_reason", "guard_false"), (error.Field, error.Code));
        Assert.Equal(2, cancelled.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Change_Administrator_TakesSupervisorOnlyCancelButStillNeedsItsField(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid admin, Guid caseId) = await AgentAndPinnedCaseAsync(world, StaffRole.Administrator);

        Result<CaseChanged> refused = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(admin), caseId, 1, CaseStatus.Cancelled, null));
        await TakeAsync(world, admin, caseId, 1, "cancel", ("cancel_reason", "resident_request"));

        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(refused.Error).Errors);
        Assert.Equal(("fields.cancel_reason", "required"), (error.Field, error.Code));
        await using CivicDeskDbContext db = world.Database.CreateContext();
        AuditEntry audit = await db.AuditEntries
            .SingleAsync(a => a.TargetId == caseId && a.Action == "case.status_changed", Ct);
        Assert.Contains("\"roles\":[\"Agent\",\"Supervisor\",\"Administrator\"]", audit.Detail,
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Change_UnpinnedCase_KeepsTheFreeStatusChangeAndRefusesATransition(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await world.PublishNycCaseTypeAsync();
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);

        Result<CaseChanged> named = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(ana), caseId, 1, null, null) { Transition = "acknowledge" });
        Result<CaseChanged> closed = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(ana), caseId, 1, CaseStatus.Closed, null));

        Assert.Equal("not_pinned", Assert.Single(Assert.IsType<ValidationFailed>(named.Error).Errors).Code);
        Assert.True(closed.IsSuccess, closed.Error?.ToString());
        CaseDetails details = await GetAsync(world, ana, caseId);
        Assert.Null(details.Transitions);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetCase_OffersOnlyTheTransitionsTheRoleMayTake(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid ana, Guid caseId) = await AgentAndPinnedCaseAsync(world, StaffRole.Agent);
        Guid sam = await world.AddUserAsync("sam", StaffRole.Supervisor, "HPD");

        CaseDetails agent = await GetAsync(world, ana, caseId);
        CaseDetails supervisor = await GetAsync(world, sam, caseId);

        Assert.Equal(["acknowledge", "start_work", "refer"], agent.Transitions!.Select(t => t.Id));
        Assert.Equal(["acknowledge", "start_work", "cancel", "refer"], supervisor.Transitions!.Select(t => t.Id));
        TransitionChoice cancel = supervisor.Transitions!.Single(t => t.Id == "cancel");
        Assert.Equal((CaseStatus.Cancelled, "Cancelada", "cancel_reason"),
            (cancel.To, cancel.Label.Es, Assert.Single(cancel.RequiredFields)));
        Assert.DoesNotContain(CaseStatus.Cancelled, agent.NextStatuses);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Change_StaleVersionOnPinnedCase_IsAConflictBeforeAnyTransitionCheck(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        (Guid ana, Guid caseId) = await AgentAndPinnedCaseAsync(world, StaffRole.Agent);
        await TakeAsync(world, ana, caseId, 1, "start_work");

        Result<CaseChanged> stale = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(ana), caseId, 1, null, null) { Transition = "acknowledge" });

        EditConflict conflict = Assert.IsType<EditConflict>(stale.Error);
        Assert.Equal("in_progress", conflict.CurrentValues["status"]);
    }

    [Fact]
    public async Task Change_PinWhoseHashDiffersFromTheStoredVersion_IsRefusedAndNothingChanges()
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(DatabaseProviders.Sqlite);
        PinnedCaseType pin = await world.PublishNycCaseTypeAsync();
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync(
            "heat-hot-water", March1, caseType: pin with { ContentHash = new string('0', 64) });

        Result<CaseChanged> refused = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(ana), caseId, 1, CaseStatus.InProgress, null));

        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(refused.Error).Errors);
        Assert.Equal(("transition", "case_type_unavailable"), (error.Field, error.Code));
        await AssertUnchangedAsync(world, caseId);
    }

    [Fact]
    public async Task Change_StatusReachedByOneTransition_TakesItWithItsField()
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(DatabaseProviders.Sqlite);
        (Guid ana, Guid caseId) = await AgentAndPinnedCaseAsync(world, StaffRole.Agent);
        await TakeAsync(world, ana, caseId, 1, "start_work");

        Result<CaseChanged> held = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(ana), caseId, 2, CaseStatus.OnHold, null)
        {
            Fields = new Dictionary<string, string> { ["hold_reason"] = "Waiting for access to 4B." },
        });
        Result<CaseChanged> unknownField = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(ana), caseId, 3, null, null)
        {
            Transition = "resume",
            Fields = new Dictionary<string, string> { ["colour"] = "red" },
        });

        Assert.True(held.IsSuccess, held.Error?.ToString());
        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(unknownField.Error).Errors);
        Assert.Equal(("fields.colour", "unknown_field"), (error.Field, error.Code));
    }

    private static async Task<(Guid User, Guid Case)> AgentAndPinnedCaseAsync(StaffWorld world, StaffRole role)
    {
        PinnedCaseType pin = await world.PublishNycCaseTypeAsync();
        Guid user = await world.AddUserAsync("user" + role, role, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1, caseType: pin);
        return (user, caseId);
    }

    private static async Task<CaseChanged> TakeAsync(
        StaffWorld world,
        Guid user,
        Guid caseId,
        int version,
        string transition,
        params (string Name, string Value)[] fields)
    {
        Result<CaseChanged> changed = await ChangeAsync(world, new ChangeCaseStatus(
            StaffWorld.Caller(user), caseId, version, null, null)
        {
            Transition = transition,
            Fields = fields.ToDictionary(f => f.Name, f => f.Value),
        });
        Assert.True(changed.IsSuccess, changed.Error?.ToString());
        return changed.Value;
    }

    private static async Task<Result<CaseChanged>> ChangeAsync(StaffWorld world, ChangeCaseStatus request)
    {
        await using Microsoft.Extensions.DependencyInjection.AsyncServiceScope scope = world.Scope();
        return await StaffWorld.Get<ChangeCaseStatusHandler>(scope).HandleAsync(request, Ct);
    }

    private static async Task<CaseDetails> GetAsync(StaffWorld world, Guid user, Guid caseId)
    {
        await using Microsoft.Extensions.DependencyInjection.AsyncServiceScope scope = world.Scope();
        Result<CaseDetails> details =
            await StaffWorld.Get<GetCaseHandler>(scope).HandleAsync(StaffWorld.Caller(user), caseId, Ct);
        Assert.True(details.IsSuccess, details.Error?.ToString());
        return details.Value;
    }

    private static async Task AssertUnchangedAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Case stored = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
        Assert.Equal((1, CaseStatus.New), (stored.Version, stored.Status));
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == caseId, Ct));
    }
}
