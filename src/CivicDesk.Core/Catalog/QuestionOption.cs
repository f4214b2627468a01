namespace CivicDesk.Core.Catalog;

/// <summary>One allowed answer of a list question: a stable key and the name shown.</summary>
public sealed class QuestionOption
{
    private QuestionOption()
    {
        Key = string.Empty;
        Name = string.Empty;
    }

    public QuestionOption(Guid id, string key, string name, int order)
    {
        Id = id;
        Key = key;
        Name = name;
        Order = order;
    }

    public Guid Id { get; private set; }

    public Guid QuestionId { get; private set; }

    public string Key { get; private set; }

    public string Name { get; private set; }

    public int Order { get; private set; }
}
