using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Evaluation;

/// <summary>
/// One line of a trace: a definition or table (Row null) or one row of a table, with its status and, for a
/// definition or table that was consulted, its value.
/// </summary>
public sealed record TraceEntry(string Name, string? Row, TraceStatus Status, Value? Value)
{
    public static TraceStatus StatusOf(Value value) => value switch
    {
        UnknownValue => TraceStatus.Unknown,
        BooleanValue b => b.Value ? TraceStatus.True : TraceStatus.False,
        _ => TraceStatus.Value,
    };

    public override string ToString() =>
        (Row is null ? Name : Name + "." + Row) + ": " + Status + (Value is null ? string.Empty : " = " + Value);
}
