using System.Text.Json;
using CivicDesk.Core.Common;

namespace CivicDesk.Web.StaffApi;

/// <summary>
/// Reads a small JSON object field by field, so that each bad value is reported under its own name and
/// malformed JSON is a 400 naming <c>body</c>, never an exception.
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonElement _root;
    private readonly List<FieldError> _errors;

    private JsonFields(JsonElement root, List<FieldError> errors)
    {
        _root = root;
        _errors = errors;
    }

    public IReadOnlyList<FieldError> Errors => _errors;

    public static async Task<(JsonFields? Fields, FieldError? Error)> ReadAsync(
        HttpRequest request,
        IReadOnlyCollection<string> known,
        CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType() is false)
        {
            return (null, new FieldError("body", "unsupported_media_type", "Send the body as application/json."));
        }

        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, new FieldError("body", "malformed", "The body must be a JSON object."));
            }

            if (FirstUnreadableText(document.RootElement, prefix: null) is string unreadable)
            {
                return (null, new FieldError(unreadable, TextCharacters.ErrorCode, TextCharacters.ErrorMessage));
            }

            if (FirstDuplicate(document.RootElement, prefix: null) is string duplicate)
            {
                return (null, new FieldError(
                    duplicate, "duplicate", $"'{duplicate}' is given more than once; send each field once."));
            }

            List<FieldError> errors = document.RootElement.EnumerateObject()
                .Where(p => !known.Contains(p.Name))
                .Select(p => new FieldError(p.Name, "unknown_field", $"'{p.Name}' is not a field of this request."))
                .ToList();
            return (new JsonFields(document.RootElement.Clone(), errors), null);
        }
        catch (JsonException)
        {
            return (null, new FieldError("body", "malformed", "The body is not valid JSON."));
        }
    }

    /// <summary>
    /// Where the first name or text escapes half of a surrogate pair alone (<c>"\ud800"</c>): valid JSON that
    /// no .NET string can hold, so reading it would throw. A bad value is named by its path, a bad name by the
    /// object holding it (<c>body</c> at the top).
    /// </summary>
    private static string? FirstUnreadableText(JsonElement element, string? prefix)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(element.GetString) ? null : prefix ?? "body";
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(e => FirstUnreadableText(e, prefix))
                    .FirstOrDefault(p => p is not null);
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (!IsReadable(() => property.Name))
                    {
                        return prefix ?? "body";
                    }

                    string path = prefix is null ? property.Name : $"{prefix}.{property.Name}";
                    if (FirstUnreadableText(property.Value, path) is string nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsReadable(Func<string?> read)
    {
        try
        {
            _ = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The first property name an object repeats, at any depth (<c>note</c>, <c>answers.colour</c>).
    /// JSON leaves duplicates undefined and parsers disagree on which one wins, so none is accepted.
    /// </summary>
    // JsonDocumentOptions.AllowDuplicateProperties = false would refuse them too, but with an exception that
    // does not name the property; the walk below does.
    private static string? FirstDuplicate(JsonElement element, string? prefix)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Select(e => FirstDuplicate(e, prefix)).FirstOrDefault(d => d is not null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string path = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                return path;
            }

            if (FirstDuplicate(property.Value, path) is string nested)
            {
                return nested;
            }
        }

        return null;
    }

    public bool Has(string name) => _root.TryGetProperty(name, out _);

    public string? String(string name, bool required)
    {
        if (!_root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _errors.Add(new FieldError(name, "required", $"'{name}' is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _errors.Add(new FieldError(name, "invalid", $"'{name}' must be a string."));
            return null;
        }

        return value.GetString();
    }

    /// <summary>A UUID, or null when the field is JSON null; a missing field is an error.</summary>
    public Guid? GuidOrNull(string name)
    {
        if (!_root.TryGetProperty(name, out JsonElement value))
        {
            _errors.Add(new FieldError(name, "required", $"'{name}' is required; send null to clear it."));
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.TryGetGuid(out Guid id))
        {
            return id;
        }

        _errors.Add(new FieldError(name, "invalid", $"'{name}' must be a UUID or null."));
        return null;
    }

    /// <summary>
    /// A whole number, or null when the field is JSON null or absent; <paramref name="present"/> tells the two
    /// apart (absent keeps a value, null clears it).
    /// </summary>
    public int? IntegerOrNull(string name, out bool present)
    {
        present = _root.TryGetProperty(name, out JsonElement value);
        if (!present || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
        {
            return number;
        }

        _errors.Add(new FieldError(name, "invalid", $"'{name}' must be a whole number or null."));
        return null;
    }

    /// <summary>
    /// An object of text values (<c>{"resolution": "…"}</c>), empty when absent or null; each value that is not a
    /// string is an error named <c>{name}.{key}</c>.
    /// </summary>
    public Dictionary<string, string> Strings(string name)
    {
        Dictionary<string, string> read = new(StringComparer.Ordinal);
        if (!_root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return read;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new FieldError(name, "invalid", $"'{name}' must be an object of text values."));
            return read;
        }

        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                read[property.Name] = property.Value.GetString()!;
            }
            else
            {
                _errors.Add(new FieldError(
                    $"{name}.{property.Name}", "invalid", $"'{name}.{property.Name}' must be a string."));
            }
        }

        return read;
    }

    public void Add(FieldError error) => _errors.Add(error);
}
