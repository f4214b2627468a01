using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.TrackRequest;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Tests.Imports;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CivicDesk.Core.Tests.Cases;

public sealed class TrackRequestHandlerTests
{
    private static readonly Instant Received = Instant.FromUtc(2025, 3, 4, 14, 0);
    private static readonly Actor Staffer = new(ActorKind.Staff, Guid.NewGuid(), "Jane Staffer", "192.0.2.10");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_CaseWithInternalNote_ReturnsOnlyPublicEventsInSpanish(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await SeedCaseAsync(database, "7KQM-2D9X");

        PublicRequestView view = (await HandleAsync(database, " 7kqm 2d9x ", "es")).Value;

        Assert.Equal("7KQM-2D9X", view.Reference);
        Assert.Equal(CaseStatus.InProgress, view.Status);
        Assert.Equal("Calefacción o agua caliente", view.ServiceName);
        Assert.Equal("America/New_York", view.TimeZoneId);
        Assert.Equal(Received, view.SubmittedAt);
        Assert.Equal([CaseEventKind.Created, CaseEventKind.StatusChanged], view.Timeline.Select(e => e.Kind));
        Assert.Equal(ActorKind.Staff, view.Timeline[1].ActorKind);
        Assert.Equal("Technician booked.", view.Timeline[1].Text);
        Assert.DoesNotContain(view.Timeline, e => e.Text == "Internal only.");
        Assert.False(view.ImportedWithDoubts);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HandleAsync_ImportedCaseClosedBeforeCreated_IsMarkedAndListsItsCreationFirst(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        string file = await new SyntheticNycFile()
            .Row("9101", r => (r["Status"], r["Closed Date"]) = ("Closed", "02/27/2023 09:00:00 AM"))
            .Row("9102", r => (r["Status"], r["Closed Date"]) = ("Closed", "02/28/2023 11:00:00 AM"))
            .WriteAsync();
        await ImportTestSupport.ImportAsync(database, ImportTestSupport.NycMapping, file);

        PublicRequestView doubtful = (await HandleAsync(database, "9101", "en")).Value;
        PublicRequestView clean = (await HandleAsync(database, "9102", "en")).Value;

        Assert.True(doubtful.ImportedWithDoubts);
        Assert.False(clean.ImportedWithDoubts);
        Assert.Equal([CaseEventKind.Created, CaseEventKind.StatusChanged], doubtful.Timeline.Select(e => e.Kind));
        Assert.Equal(Instant.FromUtc(2023, 2, 28, 15, 0), doubtful.SubmittedAt);
        Assert.Equal(Instant.FromUtc(2023, 2, 28, 15, 0), doubtful.Timeline[0].At);
        Assert.Equal(Instant.FromUtc(2023, 2, 27, 14, 0), doubtful.Timeline[1].At);
    }

    [Theory]
    [InlineData("56923577")]
    [InlineData("5692-3577")]
    [InlineData(" 5692 3577 ")]
    public async Task HandleAsync_ImportedNumericReference_IsFoundHoweverTyped(string typed)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await SeedCaseAsync(database, "56923577");

        Result<PublicRequestView> result = await HandleAsync(database, typed, "en");

        Assert.Equal("56923577", result.Value.Reference);
        Assert.Equal("Heat or hot water", result.Value.ServiceName);
    }

    [Theory]
    [InlineData("ZZZZ-ZZZZ")]
    [InlineData("")]
    [InlineData("0123456789012345678901234567890123456789012")]
    public async Task HandleAsync_UnknownReference_IsNotFound(string typed)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await SeedCaseAsync(database, "7KQM-2D9X");

        Result<PublicRequestView> result = await HandleAsync(database, typed, "en");

        Assert.IsType<NotFound>(result.Error);
    }

    [Fact]
    public async Task OpenPhotoAsync_PhotoIdOfNoAttachment_IsNotFound()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await SeedCaseAsync(database, "7KQM-2D9X");
        await using CivicDeskDbContext db = database.CreateContext();

        Result<PublicPhotoContent> result = await Handler(db)
            .OpenPhotoAsync("nyc", "7KQM-2D9X", Guid.NewGuid(), TestContext.Current.CancellationToken);

        Assert.IsType<NotFound>(result.Error);
    }

    private static async Task SeedCaseAsync(TestDatabase database, string reference)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        SeedCatalogHandler seed = new(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance);
        await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), TestContext.Current.CancellationToken);
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Service service = await db.Services.SingleAsync(s => s.Code == "heat-hot-water", cancellationToken);
        Queue queue = await db.Queues.FirstAsync(q => q.DepartmentId == service.DepartmentId, cancellationToken);
        NewCase details = new(
            Guid.CreateVersion7(), service.JurisdictionId, service.Id, service.DepartmentId, queue.Id, reference,
            Channel.Web, "No heat.", new CaseLocation(null, "1 Example Street", null, "10001"), CaseAnswers.Empty,
            null, Received);
        (Case item, CaseEvent created) = Case.Submit(details, Actor.Resident("203.0.113.9"), Guid.CreateVersion7());
        db.Cases.Add(item);
        db.CaseEvents.Add(created);
        Instant later = Received.Plus(Duration.FromHours(1));
        db.CaseEvents.Add(
            item.ChangeStatus(CaseStatus.InProgress, "Technician booked.", Staffer, Guid.CreateVersion7(), later));
        db.CaseEvents.Add(
            item.AddNote("Internal only.", EventVisibility.Internal, Staffer, Guid.CreateVersion7(), later));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Result<PublicRequestView>> HandleAsync(
        TestDatabase database,
        string typed,
        string culture)
    {
        await using CivicDeskDbContext db = database.CreateContext();
        TrackRequest query = new("nyc", typed, culture);
        return await Handler(db).HandleAsync(query, TestContext.Current.CancellationToken);
    }

    private static TrackRequestHandler Handler(CivicDeskDbContext db) =>
        new(db, new LocalFileStore(Path.Combine(Path.GetTempPath(), "civicdesk-tests", "files")));
}
