using System.Collections.Immutable;

namespace CivicDesk.Rules;

/// <summary>
/// A type of the rules language. Two types are the same when they print the same, so lists and records compare
/// by structure.
/// </summary>
public abstract class RuleType : IEquatable<RuleType>
{
    public static RuleType Boolean { get; } = new PrimitiveType("boolean");

    public static RuleType Integer { get; } = new PrimitiveType("integer");

    public static RuleType Decimal { get; } = new PrimitiveType("decimal");

    public static RuleType Text { get; } = new PrimitiveType("text");

    public static RuleType Date { get; } = new PrimitiveType("date");

    public static RuleType Duration { get; } = new PrimitiveType("duration");

    public abstract string Name { get; }

    public bool IsNumeric => Equals(Integer) || Equals(Decimal);

    public bool IsOrdered => IsNumeric || Equals(Date);

    public static RuleType? Named(string name) => name switch
    {
        "boolean" => Boolean,
        "integer" => Integer,
        "decimal" => Decimal,
        "text" => Text,
        "date" => Date,
        "duration" => Duration,
        _ => null,
    };

    public static RuleType ListOf(RuleType element) => new ListType(element);

    public static RuleType RecordOf(ImmutableArray<(string Name, RuleType Type)> fields) => new RecordType(fields);

    public bool Equals(RuleType? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RuleType other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;

    private sealed class PrimitiveType(string name) : RuleType
    {
        public override string Name { get; } = name;
    }
}
