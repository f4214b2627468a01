namespace CivicDesk.Rules;

/// <summary>How a decision table answers when rows match (the DMN hit policies).</summary>
public enum HitPolicy
{
    /// <summary>At most one row may match; overlapping literal rows fail the load.</summary>
    Unique,

    /// <summary>The first matching row in written order.</summary>
    First,

    /// <summary>The matching row whose first output comes earliest in that column's declared order.</summary>
    Priority,

    /// <summary>The outputs of every matching row, in written order.</summary>
    Collect,

    /// <summary>The sum of the single numeric output of every matching row.</summary>
    CollectSum,
}
