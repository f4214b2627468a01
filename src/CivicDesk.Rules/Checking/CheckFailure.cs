namespace CivicDesk.Rules.Checking;

/// <summary>
/// Stops checking one declaration. With a diagnostic it reports a problem; without one it only skips a
/// declaration that depends on another which already failed, so one mistake is reported once.
/// </summary>
internal sealed class CheckFailure : Exception
{
    public CheckFailure(RuleDiagnostic? diagnostic)
        : base(diagnostic?.ToString() ?? "A declaration this one uses has errors.")
    {
        Diagnostic = diagnostic;
    }

    public CheckFailure()
        : this((RuleDiagnostic?)null)
    {
    }

    public CheckFailure(string message)
        : base(message)
    {
    }

    public CheckFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuleDiagnostic? Diagnostic { get; }

    /// <summary>Set once the diagnostic is recorded, so that rethrowing it through outer checks adds nothing.</summary>
    public bool Reported { get; set; }
}
