namespace CivicDesk.Core.Catalog;

/// <summary>A question a service asks when a request is submitted (an Open311 attribute).</summary>
public sealed class ServiceQuestion
{
    private readonly List<QuestionOption> _options = [];

    private ServiceQuestion()
    {
        Code = string.Empty;
        Label = string.Empty;
        DatatypeDescription = string.Empty;
    }

    public ServiceQuestion(
        Guid id,
        string code,
        string label,
        QuestionDatatype datatype,
        bool isRequired,
        int order,
        string datatypeDescription)
    {
        Id = id;
        Code = code;
        Label = label;
        Datatype = datatype;
        IsRequired = isRequired;
        Order = order;
        DatatypeDescription = datatypeDescription;
    }

    public Guid Id { get; private set; }

    public Guid ServiceId { get; private set; }

    public string Code { get; private set; }

    /// <summary>The question as shown to the resident (Open311 <c>description</c>).</summary>
    public string Label { get; private set; }

    public QuestionDatatype Datatype { get; private set; }

    public bool IsRequired { get; private set; }

    public int Order { get; private set; }

    public string DatatypeDescription { get; private set; }

    public IReadOnlyList<QuestionOption> Options => _options;

    public bool HasOptions => Datatype is QuestionDatatype.SingleValueList or QuestionDatatype.MultiValueList;

    public void AddOption(QuestionOption option) => _options.Add(option);
}
