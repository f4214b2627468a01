using CivicDesk.Core.Audit;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.MigrateCaseType;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Tests.Cases;
using CivicDesk.Core.Tests.Sla;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CivicDesk.Core.Tests.CaseTypes;

/// <summary>
/// Issue 4, item 3: a case keeps the case type version it started with; publishing affects new cases only; open
/// cases move to a new version only through an explicit, previewed, audited migration with a state mapping.
/// </summary>
public sealed class CaseTypePinningTests
{
    private const string HashV1 = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string HashV2 = "2222222222222222222222222222222222222222222222222222222222222222";

    private static readonly Dictionary<string, string> Descriptors = new(StringComparer.Ordinal)
    {
        ["rodent"] = "Rat Sighting",
        ["heat-hot-water"] = "ENTIRE BUILDING",
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 14, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Submit_AfterPublishingV2_PinsNewCasesToV2AndLeavesEarlierCasesOnV1(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        await PublishAsync(database, Publication(1, HashV1));
        Guid first = await SubmitAsync(database, jurisdictionId);

        await PublishAsync(database, Publication(2, HashV2));
        Guid second = await SubmitAsync(database, jurisdictionId);

        await using CivicDeskDbContext db = database.CreateContext();
        Case early = await db.Cases.SingleAsync(c => c.Id == first, Ct);
        Case late = await db.Cases.SingleAsync(c => c.Id == second, Ct);
        Assert.Equal(("nyc-311", 1, HashV1), (early.CaseTypeKey, early.CaseTypeVersion, early.CaseTypeHash));
        Assert.Equal(("nyc-311", 2, HashV2), (late.CaseTypeKey, late.CaseTypeVersion, late.CaseTypeHash));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Submit_TypeNamingTheService_WinsOverTypeForEveryService(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        await PublishAsync(database, Publication(1, HashV1));
        await PublishAsync(
            database, Publication(1, HashV2) with { Key = "heat-season", ServiceCodes = ["heat-hot-water"] });

        Guid heat = await SubmitAsync(database, jurisdictionId, "heat-hot-water");
        Guid rodent = await SubmitAsync(database, jurisdictionId, "rodent");

        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal("heat-season", (await db.Cases.SingleAsync(c => c.Id == heat, Ct)).CaseTypeKey);
        Assert.Equal("nyc-311", (await db.Cases.SingleAsync(c => c.Id == rodent, Ct)).CaseTypeKey);
    }

    [Fact]
    public async Task Submit_NoCaseTypePublished_LeavesTheCaseUnpinned()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        Guid jurisdictionId = await SeedAsync(database);

        Guid id = await SubmitAsync(database, jurisdictionId);

        await using CivicDeskDbContext db = database.CreateContext();
        Case stored = await db.Cases.SingleAsync(c => c.Id == id, Ct);
        Assert.Null(stored.CaseTypeKey);
        Assert.Null(stored.CaseTypeVersion);
    }

    [Fact]
    public async Task Publish_SameVersionAgain_IsANoOpWithSameContentAndRefusedWithOther()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await SeedAsync(database);
        await PublishAsync(database, Publication(2, HashV1));

        Result<PublishedCaseType> again = await TryPublishAsync(database, Publication(2, HashV1));
        Result<PublishedCaseType> changed = await TryPublishAsync(database, Publication(2, HashV2));
        Result<PublishedCaseType> older = await TryPublishAsync(database, Publication(1, HashV2));

        Assert.True(again.Value.AlreadyPublished);
        FieldError sameNumber = Assert.Single(Assert.IsType<ValidationFailed>(changed.Error).Errors);
        Assert.Equal(("version", "already_published"), (sameNumber.Field, sameNumber.Code));
        Assert.Contains("version 3", sameNumber.Message, StringComparison.Ordinal);
        FieldError notAbove = Assert.Single(Assert.IsType<ValidationFailed>(older.Error).Errors);
        Assert.Equal(("version", "not_above_latest"), (notAbove.Field, notAbove.Code));
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(1, await db.CaseTypeVersions.CountAsync(Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "casetype.published", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_Preview_CountsEachMappingAndChangesNothing(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        (Guid newCase, Guid held, Guid closed) = await ThreeCasesOnV1ThenV2Async(database);

        Result<CaseTypeMigration> preview = await MigrateAsync(database, preview: true);

        Assert.True(preview.IsSuccess, preview.Error?.ToString());
        Assert.Equal(
            [new StateMove("new", "open", 1), new StateMove("on_hold", "in_progress", 1)],
            preview.Value.Moves);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.All(
            await db.Cases.Where(c => c.Id == newCase || c.Id == held || c.Id == closed).ToListAsync(Ct),
            c => Assert.Equal(1, c.CaseTypeVersion));
        Assert.Equal(0, await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.CaseTypeMigrated, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_Apply_MovesOpenCasesWithTheirTimelineAndAuditAndLeavesClosedOnes(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        (Guid newCase, Guid held, Guid closed) = await ThreeCasesOnV1ThenV2Async(database);

        Result<CaseTypeMigration> applied = await MigrateAsync(database, preview: false);

        Assert.Equal(2, applied.Value.Total);
        await using CivicDeskDbContext db = database.CreateContext();
        Case moved = await db.Cases.SingleAsync(c => c.Id == newCase, Ct);
        Assert.Equal((2, RealPublication(2).ContentHash, CaseStatus.Open),
            (moved.CaseTypeVersion, moved.CaseTypeHash, moved.Status));
        Assert.Equal(CaseStatus.InProgress, (await db.Cases.SingleAsync(c => c.Id == held, Ct)).Status);
        Case untouched = await db.Cases.SingleAsync(c => c.Id == closed, Ct);
        Assert.Equal((1, CaseStatus.Closed), (untouched.CaseTypeVersion, untouched.Status));
        CaseEvent entry = await db.CaseEvents.SingleAsync(
            e => e.CaseId == newCase && e.Kind == CaseEventKind.CaseTypeMigrated, Ct);
        Assert.Equal((CaseStatus.New, CaseStatus.Open), (entry.FromStatus, entry.ToStatus));
        Assert.Equal(EventVisibility.Internal, entry.Visibility);
        AuditEntry audit = await db.AuditEntries.SingleAsync(a => a.Action == "casetype.migrated", Ct);
        Assert.Contains("\"toVersion\":2", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_OpenStatesOfTheOldVersionLeftUnmapped_AreRefusedNamingEachState(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await ThreeCasesOnV1ThenV2Async(database);

        Result<CaseTypeMigration> refused = await MigrateAsync(
            database, preview: false, new Dictionary<string, string> { ["new"] = "open" });

        IReadOnlyList<FieldError> errors = Assert.IsType<ValidationFailed>(refused.Error).Errors;
        Assert.All(errors, e => Assert.Equal(("map", "invalid_mapping"), (e.Field, e.Code)));
        Assert.Equal(
            ["open state 'open' of version 1 is not mapped", "open state 'in_progress' of version 1 is not mapped",
             "open state 'on_hold' of version 1 is not mapped"],
            errors.Select(e => e.Message));
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(0, await db.Cases.CountAsync(c => c.CaseTypeVersion == 2, Ct));
    }

    [Fact]
    public async Task Migrate_StateMappedToAClosedOrUndeclaredState_IsRefusedNamingTheState()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await ThreeCasesOnV1ThenV2Async(database);
        Dictionary<string, string> map = new()
        {
            ["new"] = "closed",
            ["open"] = "open",
            ["in_progress"] = "in_progress",
            ["on_hold"] = "waiting",
        };

        Result<CaseTypeMigration> refused = await MigrateAsync(database, preview: true, map);

        IReadOnlyList<FieldError> errors = Assert.IsType<ValidationFailed>(refused.Error).Errors;
        Assert.Equal(2, errors.Count);
        Assert.StartsWith(
            "state 'new' is mapped to closed state 'closed'", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("state 'on_hold' is mapped to 'waiting', which version 2 does not declare",
            errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_ToAVersionNotPublished_IsRefused()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await SeedAsync(database);
        await PublishAsync(database, RealPublication(1));

        await using CivicDeskDbContext db = database.CreateContext();
        Result<CaseTypeMigration> refused = await Migrator(db)
            .HandleAsync(
                new MigrateCaseType("nyc", "nyc-311", 1, 2, new Dictionary<string, string>(), false, Actor.System), Ct);

        Assert.Equal("to_version", Assert.Single(Assert.IsType<ValidationFailed>(refused.Error).Errors).Field);
    }

    private async Task<(Guid New, Guid Held, Guid Closed)> ThreeCasesOnV1ThenV2Async(TestDatabase database)
    {
        Guid jurisdictionId = await SeedAsync(database);
        await PublishAsync(database, RealPublication(1));
        Guid newCase = await SubmitAsync(database, jurisdictionId);
        Guid held = await SubmitAsync(database, jurisdictionId);
        Guid closed = await SubmitAsync(database, jurisdictionId);
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            foreach ((Guid id, CaseStatus status) in new[] { (held, CaseStatus.OnHold), (closed, CaseStatus.Closed) })
            {
                Case found = await db.Cases.SingleAsync(c => c.Id == id, Ct);
                Instant now = _time.GetCurrentInstant();
                db.CaseEvents.Add(found.ChangeStatus(status, null, Actor.System, Guid.NewGuid(), now));
            }

            await db.SaveChangesAsync(Ct);
        }

        await PublishAsync(database, RealPublication(2));
        return (newCase, held, closed);
    }

    private async Task<Result<CaseTypeMigration>> MigrateAsync(
        TestDatabase database,
        bool preview,
        Dictionary<string, string>? map = null)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        MigrateCaseTypeHandler handler = Migrator(db);
        map ??= new Dictionary<string, string>
        {
            ["new"] = "open",
            ["open"] = "open",
            ["in_progress"] = "in_progress",
            ["on_hold"] = "in_progress",
        };
        return await handler.HandleAsync(new MigrateCaseType("nyc", "nyc-311", 1, 2, map, preview, Actor.System), Ct);
    }

    private MigrateCaseTypeHandler Migrator(CivicDeskDbContext db) => new(
        db,
        new PinnedCaseTypes(db, new CaseTypeCache(), NullLogger<PinnedCaseTypes>.Instance),
        _time,
        NullLogger<MigrateCaseTypeHandler>.Instance);

    /// <summary>The NYC 311 case type of samples/ as <paramref name="version"/>: a version that loads.</summary>
    private static CaseTypePublication RealPublication(int version)
    {
        CaseTypeRead sample = CaseTypeFiles.Read(RepositoryPaths.Samples("case-types", "nyc-311.yaml"));
        string yaml = sample.Yaml.Replace("\nversion: 1\n", $"\nversion: {version}\n", StringComparison.Ordinal);
        CaseTypeRead read = CaseTypeFiles.Load("nyc-311.yaml", yaml, sample.Files);
        Assert.True(read.CaseType is not null, string.Join("; ", read.Problems));
        return read.ToPublication(Actor.System)!;
    }

    private static CaseTypePublication Publication(int version, string hash) =>
        new("nyc-311", version, hash, $"key: nyc-311\nversion: {version}\n", null, Actor.System);

    private async Task PublishAsync(TestDatabase database, CaseTypePublication publication)
    {
        Result<PublishedCaseType> published = await TryPublishAsync(database, publication);
        Assert.True(published.IsSuccess, published.Error?.ToString());
    }

    private async Task<Result<PublishedCaseType>> TryPublishAsync(
        TestDatabase database,
        CaseTypePublication publication)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        CatalogCache catalog = new(_time);
        PublishCaseTypeHandler handler = new(
            db, catalog, SlaServices.PublishCalendar(db, catalog, _time), _time,
            NullLogger<PublishCaseTypeHandler>.Instance);
        return await handler.HandleAsync("nyc", publication, Ct);
    }

    private async Task<Guid> SubmitAsync(TestDatabase database, Guid jurisdictionId, string service = "rodent")
    {
        await using CivicDeskDbContext db = database.CreateContext();
        SubmitRequestHandler handler = SubmitRequestHandlers.Create(db, _time);
        SubmitRequest request = new(
            jurisdictionId,
            service,
            new Dictionary<string, IReadOnlyList<string>> { ["descriptor"] = [Descriptors[service]] },
            Latitude: 40.7128,
            Longitude: -74.0060,
            Address: "1 Centre Street",
            AddressId: null,
            ZipCode: "10007",
            Description: "Seen near the entrance.",
            Contact: ResidentContact.None,
            Channel: Channel.Web,
            SubmissionKey: null,
            Photos: Array.Empty<UploadedPhoto>(),
            Actor: Actor.Resident("203.0.113.9"));
        Result<SubmitRequestReceipt> receipt = await handler.HandleAsync(request, Ct);
        Assert.True(receipt.IsSuccess, receipt.Error?.ToString());
        return receipt.Value.CaseId;
    }

    private async Task<Guid> SeedAsync(TestDatabase database)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        SeedCatalogHandler seed = new(db, _time, NullLogger<SeedCatalogHandler>.Instance);
        (Guid id, _) = await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        return id;
    }
}
