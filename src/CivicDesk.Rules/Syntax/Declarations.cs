using System.Collections.Immutable;
using NodaTime;

namespace CivicDesk.Rules.Syntax;

/// <summary>A type as written: a name (boolean, integer, decimal, text, date, duration), a list or a record.</summary>
internal abstract record TypeSyntax(SourcePosition Position);

internal sealed record NamedTypeSyntax(SourcePosition Position, string Name) : TypeSyntax(Position);

internal sealed record ListTypeSyntax(SourcePosition Position, TypeSyntax Element) : TypeSyntax(Position);

internal sealed record RecordTypeSyntax(SourcePosition Position, ImmutableArray<(string Name, TypeSyntax Type)> Fields)
    : TypeSyntax(Position);

/// <summary>Labels by language ("en" for <c>label</c>, "es" for <c>label.es</c>), citation and unit.</summary>
internal sealed record Metadata(ImmutableDictionary<string, string> Labels, string? Citation, string? Unit)
{
    public static Metadata Empty { get; } = new(ImmutableDictionary<string, string>.Empty, null, null);
}

internal abstract record Declaration(SourcePosition Position, string Name, Metadata Metadata);

internal sealed record InputDecl(SourcePosition Position, string Name, Metadata Metadata, TypeSyntax Type)
    : Declaration(Position, Name, Metadata);

internal sealed record DefineDecl(
    SourcePosition Position, string Name, Metadata Metadata, TypeSyntax? Type, Expr Body)
    : Declaration(Position, Name, Metadata);

internal sealed record ParameterDecl(
    SourcePosition Position,
    string Name,
    Metadata Metadata,
    ImmutableArray<(string Name, TypeSyntax Type)> Keys,
    TypeSyntax ValueType,
    ImmutableArray<ParameterPeriod> Periods)
    : Declaration(Position, Name, Metadata);

/// <summary>
/// One dated stretch of a parameter: from a date, optionally until a date (inclusive). A scalar parameter has one
/// value; a table parameter has rows of literal keys and values.
/// </summary>
internal sealed record ParameterPeriod(
    SourcePosition Position,
    LocalDate From,
    LocalDate? Until,
    Expr? Value,
    ImmutableArray<Expr> Columns,
    ImmutableArray<ParameterRow> Rows);

internal sealed record ParameterRow(SourcePosition Position, ImmutableArray<Expr> Keys, ImmutableArray<Expr> Values);

internal sealed record OutputColumn(SourcePosition Position, string Name, TypeSyntax Type, ImmutableArray<Expr> Order);

internal sealed record TableDecl(
    SourcePosition Position,
    string Name,
    Metadata Metadata,
    HitPolicy HitPolicy,
    bool Complete,
    ImmutableArray<Expr> Inputs,
    ImmutableArray<OutputColumn> Outputs,
    ImmutableArray<TableRow> Rows)
    : Declaration(Position, Name, Metadata);

internal sealed record TableRow(
    SourcePosition Position, string Id, Metadata Metadata, ImmutableArray<Cell> Cells, ImmutableArray<Expr> Outputs);

/// <summary>An input cell of a decision table row.</summary>
internal abstract record Cell(SourcePosition Position);

/// <summary><c>-</c>: any value, including an unknown one.</summary>
internal sealed record AnyCell(SourcePosition Position) : Cell(Position);

/// <summary><c>value</c> (equal), or a comparison <c>&lt; value</c>, <c>&gt;= value</c> and so on.</summary>
internal sealed record CompareCell(SourcePosition Position, string Operator, Expr Value) : Cell(Position);

/// <summary><c>[a, b, c]</c>: one of the listed values.</summary>
internal sealed record ListCell(SourcePosition Position, ImmutableArray<Expr> Items) : Cell(Position);

/// <summary><c>[low..high]</c>: between the two, both included.</summary>
internal sealed record RangeCell(SourcePosition Position, Expr Low, Expr High) : Cell(Position);

internal sealed record IncludeDecl(SourcePosition Position, string Path);

internal sealed record RuleFileSyntax(
    SourcePosition Position,
    string? Id,
    string? Version,
    Metadata Metadata,
    ImmutableArray<IncludeDecl> Includes,
    ImmutableArray<string> Outputs,
    ImmutableArray<Declaration> Declarations);
