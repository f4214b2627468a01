using System.Collections.Immutable;
using NodaTime;

namespace CivicDesk.Rules.Syntax;

/// <summary>
/// The expression syntax tree as written, before names are resolved and types checked. Depth is the height of
/// the tree, which the parser bounds so that checking and evaluating never recurse too deeply.
/// </summary>
internal abstract record Expr(SourcePosition Position)
{
    public int Depth { get; init; } = 1;
}

internal sealed record IntegerLiteral(SourcePosition Position, long Value) : Expr(Position);

internal sealed record DecimalLiteral(SourcePosition Position, decimal Value) : Expr(Position);

internal sealed record TextLiteral(SourcePosition Position, string Value) : Expr(Position);

internal sealed record BooleanLiteral(SourcePosition Position, bool Value) : Expr(Position);

internal sealed record DateLiteral(SourcePosition Position, LocalDate Value) : Expr(Position);

internal sealed record NameExpr(SourcePosition Position, string Name) : Expr(Position);

internal sealed record UnaryExpr(SourcePosition Position, string Operator, Expr Operand) : Expr(Position);

internal sealed record BinaryExpr(SourcePosition Position, string Operator, Expr Left, Expr Right)
    : Expr(Position);

internal sealed record IfExpr(SourcePosition Position, Expr Condition, Expr Then, Expr Else) : Expr(Position);

internal sealed record InExpr(SourcePosition Position, Expr Value, Expr Set) : Expr(Position);

internal sealed record ListExpr(SourcePosition Position, ImmutableArray<Expr> Items) : Expr(Position);

internal sealed record RangeExpr(SourcePosition Position, Expr Low, Expr High) : Expr(Position);

internal sealed record CallExpr(SourcePosition Position, string Name, ImmutableArray<Expr> Arguments)
    : Expr(Position);

internal sealed record LambdaExpr(SourcePosition Position, string Parameter, Expr Body) : Expr(Position);

internal sealed record FieldExpr(SourcePosition Position, Expr Target, string Field) : Expr(Position);
