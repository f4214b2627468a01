namespace CivicDesk.Web.Workspace.Forms;

/// <summary>The assign form: the chosen assignee's id, or empty for nobody, and the version the user saw.</summary>
public sealed class AssignForm
{
    public int Version { get; set; }

    public string? AssigneeId { get; set; }
}

/// <summary>
/// The status form: the new status's code (a case without a case type) or the transition's id and the values of
/// the fields it needs (a case with one), and an optional public note.
/// </summary>
public sealed class StatusForm
{
    private Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public int Version { get; set; }

    public string? Status { get; set; }

    public string? Transition { get; set; }

    /// <summary>Never null: form binding sets null when the post carries no field.</summary>
    public Dictionary<string, string> Fields
    {
        get => _fields;
        set => _fields = value ?? new(StringComparer.Ordinal);
    }

    public string? Note { get; set; }
}

/// <summary>The note form: the text and whether the resident may see it.</summary>
public sealed class NoteForm
{
    public int Version { get; set; }

    public string? Text { get; set; }

    public string Visibility { get; set; } = "internal";
}

/// <summary>
/// The routing override form: department code, queue code (empty: keep the queue in the same department, or
/// the new department's default queue), priority (empty: none) and the mandatory reason.
/// </summary>
public sealed class RoutingForm
{
    public int Version { get; set; }

    public string? Department { get; set; }

    public string? Queue { get; set; }

    public string? Priority { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The "show contact details" form; it carries nothing but its name and the antiforgery token.</summary>
public sealed class ContactForm
{
    public bool Show { get; set; } = true;
}
