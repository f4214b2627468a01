using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Compilation;

/// <summary>
/// The untraced program of a compiled rule set: each definition of type boolean, integer, decimal, date or text as a
/// delegate giving a <see cref="Typed{T}"/> value (kept in the frame's typed slot for its type), every other node
/// (tables, lists, records, durations) as a boxed delegate, and one boxing delegate per output.
/// </summary>
internal sealed class TypedProgram
{
    public TypedProgram(RuleSet ruleSet)
    {
        int count = ruleSet.Nodes.Length;
        Decimals = new Func<Frame, Typed<decimal>>[count];
        Integers = new Func<Frame, Typed<long>>[count];
        Booleans = new Func<Frame, Typed<bool>>[count];
        Dates = new Func<Frame, Typed<LocalDate>>[count];
        Texts = new Func<Frame, Typed<string>>[count];
        Boxed = new Func<Frame, Value>[count];
        IsTyped = new bool[count];
    }

    public Func<Frame, Typed<decimal>>[] Decimals { get; }

    public Func<Frame, Typed<long>>[] Integers { get; }

    public Func<Frame, Typed<bool>>[] Booleans { get; }

    public Func<Frame, Typed<LocalDate>>[] Dates { get; }

    public Func<Frame, Typed<string>>[] Texts { get; }

    /// <summary>Nodes that are not typed, by node index (null for typed ones).</summary>
    public Func<Frame, Value>[] Boxed { get; }

    /// <summary>Whether a node's value lives in a typed slot.</summary>
    public bool[] IsTyped { get; }

    /// <summary>Each output's value as a <see cref="Value"/>, in the rule set's output order.</summary>
    public ImmutableArray<Func<Frame, Value>> Outputs { get; set; } = [];

    /// <summary>
    /// What the typed compiler left boxed, as "node: kind" (an expression of that kind read through the boxed
    /// helpers and unboxed, or "rows" for a table whose rows are matched boxed); for tests and diagnosis.
    /// </summary>
    public ImmutableArray<string> Untyped { get; set; } = [];

    /// <summary>Tables whose exact first-column cells are matched by one look-up of the column's value.</summary>
    public ImmutableArray<string> LookedUpTables { get; set; } = [];

    /// <summary>Parameter tables looked up through a <see cref="TextKeyIndex"/>, in the order first used.</summary>
    public ImmutableArray<string> IndexedParameters { get; set; } = [];

    /// <summary>Which slot arrays some node uses, so that a frame clears only those.</summary>
    public TypedKinds Kinds { get; set; }

    /// <summary>
    /// Forgets the typed values of the evaluation that used the frame that are objects: texts. The other slots hold
    /// raw values (and at most an unknown naming inputs), left in place; the frame's stamps say they are stale.
    /// </summary>
    public void Clear(Frame frame)
    {
        if ((Kinds & TypedKinds.Text) != 0)
        {
            Array.Clear(frame.Texts);
        }
    }
}

/// <summary>The typed slot arrays a program uses.</summary>
[Flags]
internal enum TypedKinds
{
    None = 0,
    Decimal = 1,
    Integer = 2,
    Boolean = 4,
    Date = 8,
    Text = 16,
}
