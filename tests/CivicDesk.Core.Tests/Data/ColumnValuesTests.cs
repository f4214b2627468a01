using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Data.Inserts;
using CivicDesk.Core.Timers;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;

namespace CivicDesk.Core.Tests.Data;

/// <summary>
/// The typed column arrays of the set-based writers hold, value for value, what EF Core's own getter and value
/// converter give: nulls of nullable value types and strings, enums stored as text, instants as each provider
/// stores them.
/// </summary>
public sealed class ColumnValuesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 14, 30, 15).PlusTicks(1234567);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TimelineEvents_EveryColumn_AsEfCoreConvertsIt(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await using CivicDeskDbContext db = database.CreateContext();
        CaseEvent note = new(
            Guid.NewGuid(), Guid.NewGuid(), CaseEventKind.NoteAdded, Now, Actor.System, EventVisibility.Internal)
        {
            Text = "ñandú · 東京",
        };
        CaseEvent change = new(
            Guid.NewGuid(), Guid.NewGuid(), CaseEventKind.StatusChanged, Now, Actor.System, EventVisibility.Public)
        {
            FromStatus = CaseStatus.New,
            ToStatus = CaseStatus.OnHold,
        };

        int compared = AssertSameAsEfCore(db, [note, change]);

        Assert.True(compared >= 10, $"only {compared} columns compared");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Timers_EveryColumn_AsEfCoreConvertsIt(string provider)
    {
        await using TestDatabase database = await TestDatabase.CreateAsync(provider);
        await using CivicDeskDbContext db = database.CreateContext();
        DurableTimer pending = new(Guid.NewGuid(), TimerKinds.SlaBreach, Guid.NewGuid(), "resolution", Now, null, Now);
        DurableTimer fired = new(Guid.NewGuid(), TimerKinds.SlaWarning, null, "resolution", Now, "{\"a\":1}", Now);
        fired.MarkFired(Now + Duration.FromMinutes(5));

        int compared = AssertSameAsEfCore(db, [pending, fired]);

        Assert.True(compared >= 10, $"only {compared} columns compared");
    }

    /// <summary>Compares every stored column of <typeparamref name="T"/>; returns how many were compared.</summary>
    private static int AssertSameAsEfCore<T>(CivicDeskDbContext db, List<T> rows)
        where T : class
    {
        IEntityType type = db.Model.FindEntityType(typeof(T))!;
        int compared = 0;
        foreach (IProperty property in type.GetProperties().Where(p => p.GetComputedColumnSql() is null))
        {
            Array values = ColumnValues.Of(property, rows);

            Assert.Equal(ColumnValues.ElementType(property), values.GetType().GetElementType());
            Assert.Equal(rows.Count, values.Length);
            for (int r = 0; r < rows.Count; r++)
            {
                object? model = property.GetGetter().GetClrValueUsingContainingEntity(rows[r]);
                object? expected = model is null
                    ? null
                    : property.GetRelationalTypeMapping().Converter?.ConvertToProvider(model) ?? model;
                Assert.Equal(expected, values.GetValue(r));
            }

            compared++;
        }

        return compared;
    }
}
