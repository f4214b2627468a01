namespace CivicDesk.Rules.Evaluation;

/// <summary>What an evaluation found for one definition, table or table row.</summary>
public enum TraceStatus
{
    /// <summary>Not consulted: nothing the outputs needed depended on it (short-circuited, or after a hit).</summary>
    NotEvaluated,

    True,

    False,

    Unknown,

    /// <summary>Consulted and known, with a value other than a boolean.</summary>
    Value,
}
