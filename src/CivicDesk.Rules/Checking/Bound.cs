using System.Collections.Immutable;
using CivicDesk.Rules.Syntax;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Checking;

/// <summary>A checked expression: names resolved to slots and indexes, every node typed.</summary>
internal abstract record Bound(RuleType Type);

internal sealed record BLiteral(RuleType Type, Value Value) : Bound(Type);

internal sealed record BInput(RuleType Type, int Slot, string Name) : Bound(Type);

internal sealed record BParameter(RuleType Type, int Index) : Bound(Type);

internal sealed record BLookup(RuleType Type, int Index, ImmutableArray<Bound> Keys) : Bound(Type);

internal sealed record BNode(RuleType Type, int Index) : Bound(Type);

internal sealed record BLocal(RuleType Type, int Slot, string Name) : Bound(Type);

internal sealed record BAsOf() : Bound(RuleType.Date);

internal enum UnaryOp
{
    Not,
    Negate,
}

internal sealed record BUnary(RuleType Type, UnaryOp Op, Bound Operand) : Bound(Type);

internal enum BinaryOp
{
    And,
    Or,
    Add,
    Subtract,
    Multiply,
    Divide,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    DatePlus,
    DateMinus,
}

internal sealed record BBinary(RuleType Type, BinaryOp Op, Bound Left, Bound Right) : Bound(Type);

internal sealed record BIf(RuleType Type, Bound Condition, Bound Then, Bound Else) : Bound(Type);

/// <summary><c>x in [a, b]</c>, <c>x in [low..high]</c> (Low and High set) or <c>x in list</c> (List set).</summary>
internal sealed record BIn(Bound Value, ImmutableArray<Bound> Items, Bound? Low, Bound? High, Bound? List)
    : Bound(RuleType.Boolean);

internal sealed record BList(RuleType Type, ImmutableArray<Bound> Items) : Bound(Type);

internal sealed record BField(RuleType Type, Bound Target, int Index) : Bound(Type);

internal enum Function
{
    AgeOn,
    DaysBetween,
    MonthsBetween,
    RoundCents,
    Floor,
    ToDecimal,
    Days,
    Months,
    Years,
    Min,
    Max,
}

internal sealed record BCall(RuleType Type, Function Function, ImmutableArray<Bound> Arguments) : Bound(Type);

internal enum Aggregate
{
    Count,
    Sum,
    Any,
    All,
    Min,
    Max,
}

/// <summary>An aggregate over a list, with an optional body evaluated per element bound to local Slot.</summary>
internal sealed record BAggregate(RuleType Type, Aggregate Kind, Bound List, int Slot, Bound? Body) : Bound(Type);

/// <summary>A decision-table input cell, checked against its column's type.</summary>
internal abstract record BCell(SourcePosition Position);

internal sealed record BAnyCell(SourcePosition Position) : BCell(Position);

internal sealed record BCompareCell(SourcePosition Position, BinaryOp Op, Bound Value) : BCell(Position);

internal sealed record BListCell(SourcePosition Position, ImmutableArray<Bound> Items) : BCell(Position);

internal sealed record BRangeCell(SourcePosition Position, Bound Low, Bound High) : BCell(Position);
