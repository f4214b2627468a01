using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.AddCaseNote;
using CivicDesk.Core.Cases.AssignCase;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CivicDesk.Core.Tests.Workspace;

/// <summary>
/// An agent takes unassigned cases and releases his or her own; a case a supervisor gave to a colleague is
/// moved only by a supervisor. A conflict names the colleague by the name people see.
/// </summary>
public sealed class AssignmentRuleTests
{
    private static readonly Instant March1 = Instant.FromUtc(2025, 3, 1, 15, 0);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Assign_AgentTakingACaseAColleagueHolds_IsForbiddenAndOffersNoChoice(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid dan = await world.AddUserAsync("dan", StaffRole.Agent, "HPD");
        Guid ben = await world.AddUserAsync("ben", StaffRole.Supervisor, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);
        Assert.True((await AssignAsync(world, ben, caseId, 1, dan)).IsSuccess);

        Result<CaseChanged> take = await AssignAsync(world, ana, caseId, 2, ana);
        Result<CaseChanged> release = await AssignAsync(world, ana, caseId, 2, null);
        CaseDetails seenByAna = await ReadAsync(world, ana, caseId);
        CaseDetails seenByBen = await ReadAsync(world, ben, caseId);
        Result<CaseChanged> supervisorMoves = await AssignAsync(world, ben, caseId, 2, ana);

        Assert.Equal(AssignCaseHandler.HeldByAnother, Assert.IsType<Forbidden>(take.Error).Title);
        Assert.IsType<Forbidden>(release.Error);
        Assert.Empty(seenByAna.AssignChoices);
        Assert.False(seenByAna.MayUnassign);
        Assert.Contains(seenByBen.AssignChoices, c => c.UserId == ana);
        Assert.True(supervisorMoves.IsSuccess);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Assign_AgentOnUnassignedOrOwnCase_TakesAndReleases(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);

        Result<CaseChanged> take = await AssignAsync(world, ana, caseId, 1, ana);
        Result<CaseChanged> release = await AssignAsync(world, ana, caseId, 2, null);
        Result<CaseChanged> takeAgain = await AssignAsync(world, ana, caseId, 3, ana);

        Assert.True(take.IsSuccess && release.IsSuccess && takeAgain.IsSuccess);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Conflict_LastChangeByAColleague_NamesTheirDisplayName(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid ana = await world.AddUserAsync("ana", StaffRole.Agent, "HPD");
        Guid ben = await world.AddUserAsync("ben", StaffRole.Supervisor, "HPD");
        Guid caseId = await world.AddCaseAsync("heat-hot-water", March1);
        Assert.True((await AssignAsync(world, ben, caseId, 1, ana)).IsSuccess);

        await using AsyncServiceScope scope = world.Scope();
        Result<CaseChanged> late = await StaffWorld.Get<AddCaseNoteHandler>(scope).HandleAsync(
            new AddCaseNote(StaffWorld.Caller(ana), caseId, 1, "Called.", EventVisibility.Internal), StaffWorld.Ct);

        EditConflict conflict = Assert.IsType<EditConflict>(late.Error);
        Assert.Equal("ben Tester", conflict.CurrentValues["last_change_by_name"]);
        Assert.Equal("ben", conflict.CurrentValues["last_change_by"]);
    }

    private static async Task<Result<CaseChanged>> AssignAsync(
        StaffWorld world,
        Guid caller,
        Guid caseId,
        int version,
        Guid? to)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<CaseChanged> result = await StaffWorld.Get<AssignCaseHandler>(scope).HandleAsync(
            new AssignCase(StaffWorld.Caller(caller), caseId, version, to), StaffWorld.Ct);
        world.Time.Advance(TimeSpan.FromSeconds(1));
        return result;
    }

    private static async Task<CaseDetails> ReadAsync(StaffWorld world, Guid caller, Guid caseId)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<CaseDetails> read = await StaffWorld.Get<GetCaseHandler>(scope)
            .HandleAsync(StaffWorld.Caller(caller), caseId, StaffWorld.Ct);
        Assert.True(read.IsSuccess, read.Error?.ToString());
        return read.Value;
    }
}
