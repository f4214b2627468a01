using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.CaseTypes.PublishCaseType;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.AddStaffUser;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CivicDesk.Core.Tests.Workspace;

/// <summary>
/// A migrated database with the NYC catalogue and Core's services wired as the host wires them, on a fake
/// clock, for the staff use case tests. Users and cases are synthetic.
/// </summary>
public sealed class StaffWorld : IAsyncDisposable
{
    public const string Password = "a long test passphrase";

    private readonly ServiceProvider _services;

    private StaffWorld(TestDatabase database, ServiceProvider services, FakeTimeProvider time, Guid jurisdictionId)
    {
        Database = database;
        _services = services;
        Time = time;
        JurisdictionId = jurisdictionId;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public Guid JurisdictionId { get; }

    public static async Task<StaffWorld> CreateAsync(string provider)
    {
        TestDatabase database = await TestDatabase.CreateAsync(provider);
        FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 4, 14, 0, 0, TimeSpan.Zero));
        ServiceCollection services = new();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IFileStore>(
            new LocalFileStore(Path.Combine(Path.GetTempPath(), "civicdesk-tests", "files")));
        services.AddCivicDeskData(database.Options);
        services.AddCivicDeskCore();
        services.Configure<IdentityOptions>(o => o.PasswordIterations = 1_000);
        ServiceProvider root = services.BuildServiceProvider();
        await using (await database.CreateMigratedContextAsync())
        {
        }

        await using AsyncServiceScope scope = root.CreateAsyncScope();
        SeedCatalogHandler seed = scope.ServiceProvider.GetRequiredService<SeedCatalogHandler>();
        (Guid id, _) = await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        return new StaffWorld(database, root, time, id);
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static T Get<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async Task<Guid> AddUserAsync(string userName, StaffRole role, params string[] departments)
    {
        await using AsyncServiceScope scope = Scope();
        AddStaffUser request = new(userName, userName + " Tester", role, departments, Password, null);
        Result<StaffUserAdded> added = await Get<AddStaffUserHandler>(scope).HandleAsync(request, Actor.System, Ct);
        Assert.True(added.IsSuccess, added.Error?.ToString());
        Time.Advance(TimeSpan.FromSeconds(1));
        return added.Value.UserId;
    }

    /// <summary>
    /// Stores a case of <paramref name="serviceCode"/> created at <paramref name="createdAt"/>, like an import
    /// would.
    /// </summary>
    public async Task<Guid> AddCaseAsync(
        string serviceCode,
        Instant createdAt,
        DataQualityFlags quality = DataQualityFlags.None,
        string? sourceSystem = null,
        PinnedCaseType? caseType = null,
        CaseAnswers? answers = null)
    {
        await using CivicDeskDbContext db = Database.CreateContext();
        Service service = await db.Services.SingleAsync(s => s.Code == serviceCode, Ct);
        Queue queue = await db.Queues.FirstAsync(q => q.DepartmentId == service.DepartmentId, Ct);
        NewCase details = new(
            Guid.CreateVersion7(), JurisdictionId, service.Id, service.DepartmentId, queue.Id, ReferenceNumbers.New(),
            Channel.Phone, "Synthetic test case", new CaseLocation(null, "1 Test Street", null, "10007"),
            answers ?? CaseAnswers.Empty, null, createdAt)
        {
            CaseType = caseType,
        };
        (Case created, CaseEvent first) = Case.Submit(details, Actor.System, Guid.CreateVersion7());
        db.Cases.Add(created);
        db.CaseEvents.Add(first);
        db.Entry(created).Property(c => c.Quality).CurrentValue = quality;
        db.Entry(created).Property(c => c.SourceSystem).CurrentValue = sourceSystem;
        await db.SaveChangesAsync(Ct);
        return created.Id;
    }

    /// <summary>Publishes the NYC 311 case type of <c>samples/</c> as the demo does and returns its pin.</summary>
    public async Task<PinnedCaseType> PublishNycCaseTypeAsync()
    {
        CaseTypeRead read = CaseTypeFiles.Read(RepositoryPaths.Samples("case-types", "nyc-311.yaml"));
        CaseTypePublication publication = read.ToPublication(Actor.System)!;
        await using AsyncServiceScope scope = Scope();
        Result<PublishedCaseType> published =
            await Get<PublishCaseTypeHandler>(scope).HandleAsync("nyc", publication, Ct);
        Assert.True(published.IsSuccess, published.Error?.ToString());
        return new PinnedCaseType(publication.Key, publication.Version, publication.ContentHash);
    }

    public static StaffCaller Caller(Guid userId) => new(userId, "198.51.100.7");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
