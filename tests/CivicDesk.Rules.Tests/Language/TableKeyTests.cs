using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Tests.Language;

/// <summary>
/// Parameter-table keys hash their parts with a cheap hash of their own: equal keys must hash alike, and keys that
/// differ in any one part must still be told apart (a look-up must never find another row's value).
/// </summary>
public sealed class TableKeyTests
{
    [Fact]
    public void TryCreate_SameParts_EqualWithTheSameHash()
    {
        Assert.True(TableKey.TryCreate([Value.Of(new string("3606199999".ToCharArray())), Value.Of(3L)],
            out TableKey first));
        Assert.True(TableKey.TryCreate([Value.Of("3606199999"), Value.Of(3L)], out TableKey second));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void TryCreate_KeysDifferingInOnePart_AreAllDifferent()
    {
        Value[][] keys =
        [
            [Value.Of("a"), Value.Of(1L)],
            [Value.Of("b"), Value.Of(1L)],
            [Value.Of("a"), Value.Of(2L)],
            [Value.Of("a")],
            [Value.Of(1L), Value.Of("a")],
            [Value.Of("a"), Value.Of(1L), Value.Of(new LocalDate(2025, 1, 1))],
            [Value.Of("a"), Value.Of(1L), Value.True],
            [Value.Of(""), Value.Of(0L)],
        ];
        Dictionary<TableKey, int> table = [];

        for (int i = 0; i < keys.Length; i++)
        {
            Assert.True(TableKey.TryCreate(keys[i], out TableKey key));
            Assert.True(table.TryAdd(key, i), $"key {i} collides with an earlier one");
        }

        for (int i = 0; i < keys.Length; i++)
        {
            TableKey.TryCreate(keys[i], out TableKey key);
            Assert.Equal(i, table[key]);
        }
    }
}
