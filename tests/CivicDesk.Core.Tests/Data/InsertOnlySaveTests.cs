using System.Data.Common;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Data.Inserts;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CivicDesk.Core.Tests.Data;

/// <summary>
/// The insert-only save path of intake writes exactly what SaveChanges writes, acknowledges only committed units,
/// and undoes a refused unit alone, also when concurrent units share one SQLite transaction.
/// </summary>
public sealed class InsertOnlySaveTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 14, 30, 15).PlusTicks(1234567);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsyncAndInsertAsync_WriteEveryColumnAsSaveChangesDoes(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Place place = await SeedAsync(database);
        Guid viaEf = Guid.NewGuid();
        Guid viaInserts = Guid.NewGuid();

        await using (CivicDeskDbContext db = database.CreateContext())
        {
            AddUnit(db, place, viaEf, "EF-1");
            await db.SaveChangesAsync(Ct);
        }

        await using (CivicDeskDbContext db = database.CreateContext())
        {
            AddUnit(db, place, viaInserts, "IN-1");
            await InsertOnlySave.SaveAsync(db, Ct);
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        Guid untracked = Guid.NewGuid();
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            await InsertOnlySave.InsertAsync(db, Unit(place, untracked, "UN-1").Rows, Ct);
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await using CivicDeskDbContext check = database.CreateContext();
        foreach (Guid ours in new[] { viaInserts, untracked })
        {
            await AssertSameColumnsAsync(check, viaEf, ours);
        }

        Case stored = await check.Cases.SingleAsync(c => c.Id == viaInserts, Ct);
        Assert.Equal(("IN-1", 40.7128, 3), (stored.Reference, stored.Latitude, stored.Priority));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InsertAsync_RowRefusedAfterTheCase_StoresNothingOfTheUnit(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Place place = await SeedAsync(database);
        (List<object> first, CaseEvent taken) = Unit(place, Guid.NewGuid(), "R-1");
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            await InsertOnlySave.InsertAsync(db, first, Ct);
        }

        await using (CivicDeskDbContext db = database.CreateContext())
        {
            List<object> refused = Unit(place, Guid.NewGuid(), "R-2", createdEventId: taken.Id).Rows;

            await Assert.ThrowsAsync<DbUpdateException>(() => InsertOnlySave.InsertAsync(db, refused, Ct));
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await using CivicDeskDbContext check = database.CreateContext();
        Assert.Equal(["R-1"], await check.Cases.Select(c => c.Reference).ToListAsync(Ct));
        Assert.Equal(1, await check.Timers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InsertAsync_ContextAlreadyHoldingAChange_SavesBothTogetherThroughTheTracker(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Place place = await SeedAsync(database);
        Guid existing = Guid.NewGuid();
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            AddUnit(db, place, existing, "E-1");
            await db.SaveChangesAsync(Ct);
        }

        Guid added = Guid.NewGuid();
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            Case stored = await db.Cases.SingleAsync(c => c.Id == existing, Ct);
            db.CaseEvents.Add(stored.ChangeStatus(CaseStatus.Open, null, Actor.System, Guid.NewGuid(), Now));

            await InsertOnlySave.InsertAsync(db, Unit(place, added, "E-2").Rows, Ct);
            Assert.Contains(db.ChangeTracker.Entries<Case>(), e => e.Entity.Id == added);
        }

        await using CivicDeskDbContext check = database.CreateContext();
        Assert.Equal(CaseStatus.Open, (await check.Cases.SingleAsync(c => c.Id == existing, Ct)).Status);
        Assert.Equal(2, await check.CaseEvents.CountAsync(e => e.CaseId == added, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsync_RowRefusedAfterTheCase_StoresNothingOfTheUnit(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Place place = await SeedAsync(database);
        Guid taken;
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            taken = AddUnit(db, place, Guid.NewGuid(), "R-1").Id;
            await InsertOnlySave.SaveAsync(db, Ct);
        }

        await using (CivicDeskDbContext db = database.CreateContext())
        {
            Guid refused = Guid.NewGuid();
            AddUnit(db, place, refused, "R-2", createdEventId: taken);

            await Assert.ThrowsAsync<DbUpdateException>(() => InsertOnlySave.SaveAsync(db, Ct));
        }

        await using CivicDeskDbContext check = database.CreateContext();
        Assert.Equal(["R-1"], await check.Cases.Select(c => c.Reference).ToListAsync(Ct));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "case.created", Ct));
        Assert.Equal(1, await check.Timers.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsync_ManyAtOnceWithOneRefused_CommitsEveryOtherUnit(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Place place = await SeedAsync(database);
        Guid taken;
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            taken = AddUnit(db, place, Guid.NewGuid(), "M-00").Id;
            await InsertOnlySave.SaveAsync(db, Ct);
        }

        // SQLite's asynchronous calls complete synchronously, hence a thread per unit so that they overlap.
        Task<bool>[] saves = [.. Enumerable.Range(1, 40).Select(n => Task.Run(
            async () =>
            {
                await using CivicDeskDbContext db = database.CreateContext();
                AddUnit(db, place, Guid.NewGuid(), $"M-{n:00}", createdEventId: n == 17 ? taken : null);
                try
                {
                    await InsertOnlySave.SaveAsync(db, Ct);
                    return true;
                }
                catch (DbUpdateException)
                {
                    return false;
                }
            },
            Ct))];
        bool[] saved = await Task.WhenAll(saves);

        Assert.Equal([16], saved.Select((ok, i) => (ok, i)).Where(s => !s.ok).Select(s => s.i));
        await using CivicDeskDbContext check = database.CreateContext();
        List<string> references = await check.Cases.Select(c => c.Reference).ToListAsync(Ct);
        Assert.Equal(40, references.Count);
        Assert.DoesNotContain("M-17", references);
        Assert.Equal(80, await check.CaseEvents.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsync_UnitThatAlsoUpdates_IsSavedBySaveChanges(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Place place = await SeedAsync(database);
        Guid caseId = Guid.NewGuid();
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            AddUnit(db, place, caseId, "U-1");
            await InsertOnlySave.SaveAsync(db, Ct);
        }

        await using (CivicDeskDbContext db = database.CreateContext())
        {
            Case stored = await db.Cases.SingleAsync(c => c.Id == caseId, Ct);
            db.CaseEvents.Add(stored.ChangeStatus(CaseStatus.Open, "Seen to.", Actor.System, Guid.NewGuid(), Now));
            await InsertOnlySave.SaveAsync(db, Ct);
        }

        await using CivicDeskDbContext check = database.CreateContext();
        Assert.Equal(CaseStatus.Open, (await check.Cases.SingleAsync(c => c.Id == caseId, Ct)).Status);
        Assert.Equal(
            ["Created", "Routed", "StatusChanged"],
            (await check.CaseEvents.Where(e => e.CaseId == caseId).Select(e => e.Kind).ToListAsync(Ct))
                .Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsync_InsideTheCallersTransaction_IsUndoneWithIt(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        Place place = await SeedAsync(database);
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(Ct);
            AddUnit(db, place, Guid.NewGuid(), "T-1");
            await InsertOnlySave.SaveAsync(db, Ct);
            await transaction.RollbackAsync(Ct);
        }

        await using CivicDeskDbContext check = database.CreateContext();
        Assert.Equal(0, await check.Cases.CountAsync(Ct));
    }

    private static CaseEvent AddUnit(
        CivicDeskDbContext db,
        Place place,
        Guid caseId,
        string reference,
        Guid? createdEventId = null)
    {
        (List<object> rows, CaseEvent first) = Unit(place, caseId, reference, createdEventId);
        db.AddRange(rows);
        return first;
    }

    private static (List<object> Rows, CaseEvent First) Unit(
        Place place,
        Guid caseId,
        string reference,
        Guid? createdEventId = null)
    {
        NewCase details = new(
            caseId, place.JurisdictionId, place.ServiceId, place.DepartmentId, place.QueueId, reference, Channel.Web,
            "Rats by the bins, day and night.",
            new CaseLocation(new GeoPoint(40.7128, -74.006), "1 Centre St", null, "10007"),
            CaseAnswers.From([new("descriptor", ["Rat Sighting"])]), null, Now)
        {
            MediaUrl = "https://example.org/photo.jpg",
            CaseType = new PinnedCaseType("nyc-311", 2, new string('a', 64)),
            Priority = 3,
        };
        (Case created, CaseEvent first) =
            Case.Submit(details, Actor.Resident("203.0.113.9"), createdEventId ?? Guid.NewGuid());
        List<object> rows =
        [
            created,
            first,
            created.RecordRouting("{\"rule\":\"rodent\"}", Guid.NewGuid()),
            new CaseContact(caseId, "Ana", "Ruiz", "ana@example.org", "+12125550100"),
            new DurableTimer(
                Guid.NewGuid(), TimerKinds.SlaBreach, caseId, "resolution", Now.Plus(Duration.FromDays(3)), "{}", Now),
            new AuditEntry(Guid.NewGuid(), Now, Actor.System, "case.created", "case", caseId)
            {
                Detail = "{\"priority\":3}",
            },
        ];
        return (rows, first);
    }

    private static async Task AssertSameColumnsAsync(CivicDeskDbContext check, Guid viaEf, Guid viaInserts)
    {
        string[] differ = ["id", "case_id", "target_id", "reference"];
        foreach ((string table, string owner) in new[]
        {
            ("cases", "id"), ("case_events", "case_id"), ("case_contacts", "case_id"), ("timers", "case_id"),
            ("audit_entries", "target_id"),
        })
        {
            List<Dictionary<string, object?>> rows = await ReadAllAsync(check, table);
            List<Dictionary<string, object?>> ours = [.. rows.Where(r => SameId(r[owner], viaInserts))];
            List<Dictionary<string, object?>> theirs = [.. rows.Where(r => SameId(r[owner], viaEf))];
            Assert.NotEmpty(ours);
            Assert.Equal(theirs.Count, ours.Count);
            for (int i = 0; i < ours.Count; i++)
            {
                foreach (string column in theirs[i].Keys.Except(differ))
                {
                    // A column may hold the case id inside text (a timer's dedupe key); the ids differ by design.
                    object? expected = WithoutId(theirs[i][column], viaEf);
                    object? actual = WithoutId(ours[i][column], viaInserts);
                    Assert.True(
                        Equals(expected, actual),
                        $"{table}.{column}: SaveChanges wrote {theirs[i][column]}, the insert path {ours[i][column]}");
                }
            }
        }
    }

    private static object? WithoutId(object? value, Guid id) => value is string text
        ? text.Replace(id.ToString("N"), "{case}", StringComparison.OrdinalIgnoreCase)
            .Replace(id.ToString("D"), "{case}", StringComparison.OrdinalIgnoreCase)
        : value;

    private static bool SameId(object? stored, Guid id) => stored switch
    {
        Guid guid => guid == id,
        string text => string.Equals(text, id.ToString(), StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static async Task<List<Dictionary<string, object?>>> ReadAllAsync(CivicDeskDbContext db, string table)
    {
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY 1";
        await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
        List<Dictionary<string, object?>> rows = [];
        while (await reader.ReadAsync(Ct))
        {
            Dictionary<string, object?> row = new(StringComparer.Ordinal);
            for (int i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = await reader.IsDBNullAsync(i, Ct) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        await db.Database.CloseConnectionAsync();
        return [.. rows.OrderBy(r => r.TryGetValue("kind", out object? kind) ? kind?.ToString() : null)];
    }

    private static async Task<Place> SeedAsync(TestDatabase database)
    {
        await using CivicDeskDbContext db = await database.CreateMigratedContextAsync();
        SeedCatalogHandler seed = new(db, TimeProvider.System, NullLogger<SeedCatalogHandler>.Instance);
        (Guid jurisdictionId, _) = await seed.HandleAsync(RepositoryPaths.Samples("catalog", "nyc.json"), Ct);
        Service service = await db.Services.SingleAsync(s => s.Code == "rodent", Ct);
        Queue queue = await db.Queues.FirstAsync(q => q.DepartmentId == service.DepartmentId, Ct);
        return new Place(jurisdictionId, service.Id, service.DepartmentId, queue.Id);
    }

    private sealed record Place(Guid JurisdictionId, Guid ServiceId, Guid DepartmentId, Guid QueueId);
}
