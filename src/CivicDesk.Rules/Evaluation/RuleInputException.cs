namespace CivicDesk.Rules.Evaluation;

/// <summary>An input value does not fit the rule set (unknown name, wrong type, unreadable text).</summary>
public sealed class RuleInputException : Exception
{
    public RuleInputException()
    {
    }

    public RuleInputException(string message)
        : base(message)
    {
    }

    public RuleInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
