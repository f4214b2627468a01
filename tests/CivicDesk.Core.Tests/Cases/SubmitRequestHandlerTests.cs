using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CivicDesk.Core.Tests.Cases;

public sealed class SubmitRequestHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 14, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_ValidRequest_StoresCaseFirstEventContactAndAudit(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        SubmitRequest request = HeatRequest(jurisdictionId) with
        {
            Contact = new ResidentContact("Ana", "Diaz", "ana@example.org", "(212) 555-0142"),
        };

        Result<SubmitRequestReceipt> result = await HandleAsync(database, request);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        await using CivicDeskDbContext db = database.CreateContext();
        Case stored = await db.Cases.SingleAsync(c => c.Id == result.Value.CaseId, Ct);
        Assert.Equal(CaseStatus.New, stored.Status);
        Assert.Equal(result.Value.Reference, stored.Reference);
        Assert.Equal("ENTIRE BUILDING", stored.Answers.First("descriptor"));
        Assert.Equal(40.7128, stored.Latitude);
        CaseEvent created = await db.CaseEvents.SingleAsync(e => e.CaseId == stored.Id, Ct);
        Assert.Equal(CaseEventKind.Created, created.Kind);
        CaseContact contact = await db.CaseContacts.SingleAsync(c => c.CaseId == stored.Id, Ct);
        Assert.Equal("+12125550142", contact.PhoneE164);
        AuditEntry audit = await db.AuditEntries.SingleAsync(a => a.TargetId == stored.Id, Ct);
        Assert.Equal("case.created", audit.Action);
        Assert.Equal("203.0.113.9", audit.Address);
        Assert.DoesNotContain("Ana", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_ValidRequest_SchedulesTheDefaultClocksWarningAsItsOnePendingTimerInTheSameCommit(
        string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);

        // Tuesday 2025-03-04 09:00 in New York; five business days (09:00-17:00) later, across the change to
        // daylight-saving time on Sunday 03-09, is the close of Tuesday 03-11: 17:00 EDT, 21:00 UTC.
        Result<SubmitRequestReceipt> result = await HandleAsync(database, HeatRequest(jurisdictionId));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        await using CivicDeskDbContext db = database.CreateContext();
        List<DurableTimer> timers = await db.Timers.Where(t => t.CaseId == result.Value.CaseId).ToListAsync(Ct);
        NodaTime.Instant deadline = NodaTime.Instant.FromUtc(2025, 3, 11, 21, 0);
        // One pending timer per clock: the warning; the breach is scheduled when the warning fires.
        Assert.Equal(
            [(TimerKinds.SlaWarning, "resolution", deadline - NodaTime.Duration.FromHours(1), TimerStates.Pending)],
            timers.Select(t => (t.Kind, t.Clock, t.DueAt, t.State)));
        CaseSlaClock clock = await db.CaseSlaClocks.SingleAsync(c => c.CaseId == result.Value.CaseId, Ct);
        Assert.Equal(deadline, clock.Deadline);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_SameSubmissionKeyTwice_CreatesOneCaseAndReturnsItsReference(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        SubmitRequest request = HeatRequest(jurisdictionId) with { SubmissionKey = "form-7f3a" };

        Result<SubmitRequestReceipt> first = await HandleAsync(database, request);
        Result<SubmitRequestReceipt> second = await HandleAsync(database, request);

        Assert.False(first.Value.AlreadySubmitted);
        Assert.True(second.Value.AlreadySubmitted);
        Assert.Equal(first.Value.Reference, second.Value.Reference);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(1, await db.Cases.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_SameSubmissionKeyAtOnce_CreatesOneCaseAndGivesEveryCallerItsReference(
        string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        SubmitRequest request = HeatRequest(jurisdictionId) with { SubmissionKey = "form-double-click" };

        // Eight tabs post the same form at once; on SQLite they may share one group commit, where the losers'
        // inserts are refused inside their savepoints. SQLite's calls complete synchronously, hence the threads.
        Result<SubmitRequestReceipt>[] results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => HandleAsync(database, request), Ct)));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.ToString()));
        Assert.Single(results.Select(r => r.Value.Reference).Distinct(StringComparer.Ordinal));
        Assert.Single(results, r => !r.Value.AlreadySubmitted);
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(1, await db.Cases.CountAsync(Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "case.created", Ct));
    }

    [Fact]
    public async Task HandleAsync_InvalidFields_NamesEachFieldAndStoresNothing()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        Guid jurisdictionId = await SeedAsync(database);
        SubmitRequest request = HeatRequest(jurisdictionId) with
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["descriptor"] = ["NOT A CHOICE"],
                ["colour"] = ["red"],
            },
            Latitude = 34.05,
            Longitude = -118.24,
            Contact = new ResidentContact(null, null, "not-an-email", "12"),
        };

        Result<SubmitRequestReceipt> result = await HandleAsync(database, request);

        ValidationFailed failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Equal(
            ["attribute[colour]", "attribute[descriptor]", "email", "lat", "phone"],
            failed.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains(failed.Errors, e => e.Field == "lat" && e.Code == "outside_jurisdiction"
            && e.Message == "The location is outside the area this jurisdiction serves (New York City).");
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(0, await db.Cases.CountAsync(Ct));
    }

    [Fact]
    public async Task HandleAsync_MissingRequiredAnswerAndLocation_ReportsBoth()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        Guid jurisdictionId = await SeedAsync(database);
        SubmitRequest request = HeatRequest(jurisdictionId) with
        {
            Answers = new Dictionary<string, IReadOnlyList<string>>(),
            Latitude = null,
            Longitude = null,
            Address = null,
        };

        Result<SubmitRequestReceipt> result = await HandleAsync(database, request);

        ValidationFailed failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Contains(failed.Errors, e => e.Field == "attribute[descriptor]" && e.Code == "required");
        Assert.Contains(failed.Errors, e => e.Field == "location" && e.Code == "required");
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("10007-12")]
    [InlineData("NY 10007")]
    [InlineData("00000000000")]
    public async Task HandleAsync_ZipCodeNotOfTheUsForm_IsRefusedNamingIt(string zipCode)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        Guid jurisdictionId = await SeedAsync(database);

        Result<SubmitRequestReceipt> result = await HandleAsync(database, HeatRequest(jurisdictionId) with
        {
            ZipCode = zipCode,
        });

        FieldError error = Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors);
        Assert.Equal(("zipcode", "invalid"), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("10007", "10007")]
    [InlineData(" 10007-1234 ", "10007-1234")]
    [InlineData("  ", null)]
    public async Task HandleAsync_UsZipCodeOrNone_IsAccepted(string zipCode, string? stored)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        Guid jurisdictionId = await SeedAsync(database);

        Result<SubmitRequestReceipt> result = await HandleAsync(database, HeatRequest(jurisdictionId) with
        {
            ZipCode = zipCode,
        });

        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(stored, (await db.Cases.SingleAsync(c => c.Id == result.Value.CaseId, Ct)).ZipCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_TextWithNulReplacementOrControlCharacters_IsRefusedNamingEachField(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        SubmitRequest request = HeatRequest(jurisdictionId) with
        {
            Description = "No heat\0 since Sunday.",
            Address = "1 Centre \uFFFD Street",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["descriptor"] = ["ENTIRE\u001BBUILDING"] },
            Contact = new ResidentContact("Ana\0", null, "ana@example.org", null),
        };

        Result<SubmitRequestReceipt> result = await HandleAsync(database, request);

        ValidationFailed failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Equal(
            ["address_string", "attribute[descriptor]", "description", "first_name"],
            failed.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(failed.Errors, e => Assert.Equal("invalid_text", e.Code));
        await using CivicDeskDbContext db = database.CreateContext();
        Assert.Equal(0, await db.Cases.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_NulInServiceCodeOrSubmissionKey_IsRefusedNamingIt(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);

        Result<SubmitRequestReceipt> badCode =
            await HandleAsync(database, HeatRequest(jurisdictionId) with { ServiceCode = "heat\0" });
        Result<SubmitRequestReceipt> badKey =
            await HandleAsync(database, HeatRequest(jurisdictionId) with { SubmissionKey = "form\0" });

        FieldError code = Assert.Single(Assert.IsType<ValidationFailed>(badCode.Error).Errors);
        FieldError key = Assert.Single(Assert.IsType<ValidationFailed>(badKey.Error).Errors);
        Assert.Equal(("service_code", "invalid_text"), (code.Field, code.Code));
        Assert.Equal(("submission_key", "invalid_text"), (key.Field, key.Code));
    }

    [Fact]
    public async Task HandleAsync_UnknownService_ReportsServiceCode()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        Guid jurisdictionId = await SeedAsync(database);
        SubmitRequest request = HeatRequest(jurisdictionId) with { ServiceCode = "no-such" };

        Result<SubmitRequestReceipt> result = await HandleAsync(database, request);

        ValidationFailed failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Equal("service_code", Assert.Single(failed.Errors).Field);
    }

    private static SubmitRequest HeatRequest(Guid jurisdictionId) => new(
        jurisdictionId,
        "heat-hot-water",
        new Dictionary<string, IReadOnlyList<string>> { ["descriptor"] = ["ENTIRE BUILDING"] },
        Latitude: 40.7128,
        Longitude: -74.0060,
        Address: "1 Centre Street",
        AddressId: null,
        ZipCode: "10007",
        Description: "No heat since Sunday.",
        Contact: ResidentContact.None,
        Channel: Channel.Web,
        SubmissionKey: null,
        Photos: Array.Empty<UploadedPhoto>(),
        Actor: Actor.Resident("203.0.113.9"));

    private async Task<Guid> SeedAsync(TestDatabase database)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        SeedCatalogHandler seed = new(db, _time, NullLogger<SeedCatalogHandler>.Instance);
        (Guid id, _) = await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        return id;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_ValidRequest_InsertsItsRowsWithoutTrackingThem(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Guid jurisdictionId = await SeedAsync(database);
        await using CivicDeskDbContext db = database.CreateContext();

        Result<SubmitRequestReceipt> result =
            await SubmitRequestHandlers.Create(db, _time).HandleAsync(HeatRequest(jurisdictionId), Ct);

        // Tracked rows would mean the unit fell back to the change tracker, the slow path intake must avoid.
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Empty(db.ChangeTracker.Entries());
        await using CivicDeskDbContext check = database.CreateContext();
        Assert.Equal(1, await check.Timers.CountAsync(t => t.CaseId == result.Value.CaseId, Ct));
        Assert.Equal(1, await check.CaseSlaClocks.CountAsync(c => c.CaseId == result.Value.CaseId, Ct));
    }

    private async Task<Result<SubmitRequestReceipt>> HandleAsync(TestDatabase database, SubmitRequest request)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        return await SubmitRequestHandlers.Create(db, _time).HandleAsync(request, Ct);
    }
}
