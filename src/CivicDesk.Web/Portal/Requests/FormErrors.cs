namespace CivicDesk.Web.Portal.Requests;

/// <summary>One error as the form shows it: the id of the element it belongs to (if any) and the message.</summary>
public sealed record FormError(string? FieldId, string Message);

/// <summary>The errors of one submission, in the order the form shows its fields.</summary>
public sealed class FormErrors
{
    private readonly List<FormError> _items = [];

    public static FormErrors None { get; } = new();

    public IReadOnlyList<FormError> Items => _items;

    public bool Any => _items.Count > 0;

    public void Add(string? fieldId, string message) => _items.Add(new FormError(fieldId, message));

    public IReadOnlyList<string> For(string fieldId) =>
        _items.Where(e => e.FieldId == fieldId).Select(e => e.Message).ToList();

    public bool Has(string fieldId) => _items.Any(e => e.FieldId == fieldId);
}
