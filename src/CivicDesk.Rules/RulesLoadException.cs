namespace CivicDesk.Rules;

/// <summary>
/// The only exception loading a rule set may throw: the text is not a valid rule set. It carries every problem
/// found, each naming file, line, column, what was expected and what was found.
/// </summary>
public sealed class RulesLoadException : Exception
{
    public RulesLoadException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public RulesLoadException()
        : this([])
    {
    }

    public RulesLoadException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public RulesLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<RuleDiagnostic> diagnostics) =>
        diagnostics.Count == 0
            ? "The rule set could not be loaded."
            : string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
