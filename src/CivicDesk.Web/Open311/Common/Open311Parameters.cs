namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// The parameters of one Open311 call, from the query string and, for a POST, the form body. Follows the
/// spec's rule that an empty parameter counts as a missing one. A single-valued parameter sent twice with
/// different values, and any parameter holding a NUL character, are recorded as errors naming the field.
/// </summary>
internal sealed class Open311Parameters
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    private Open311Parameters()
    {
    }

    public IReadOnlyList<string> Errors => _errors;

    public IEnumerable<string> Names => _values.Keys;

    public static Open311Parameters From(IQueryCollection query, IFormCollection? form = null)
    {
        Open311Parameters parameters = new();
        parameters.AddAll(query);
        if (form is not null)
        {
            parameters.AddAll(form);
        }

        return parameters;
    }

    /// <summary>The parameter's value, or null when it is missing or empty.</summary>
    public string? Single(string name)
    {
        if (!_values.TryGetValue(name, out List<string>? values))
        {
            return null;
        }

        string[] given = [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
        if (given.Length > 1)
        {
            _errors.Add($"{name}: was given more than once with different values.");
            return null;
        }

        return given.Length == 1 ? given[0] : null;
    }

    /// <summary>Every value of a comma-separated list parameter, however many times it was sent.</summary>
    public IReadOnlyList<string> List(string name) =>
        _values.TryGetValue(name, out List<string>? values)
            ? [.. values.SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0)]
            : [];

    /// <summary>Every raw value of a parameter, in the order sent.</summary>
    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out List<string>? values) ? values : [];

    private void AddAll(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source)
    {
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in source)
        {
            if (name.Contains('\0', StringComparison.Ordinal))
            {
                _errors.Add("A parameter name holds a NUL character.");
                continue;
            }

            foreach (string? value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (value.Contains('\0', StringComparison.Ordinal))
                {
                    _errors.Add($"{Open311Text.Echo(name, 40)}: holds a NUL character.");
                    continue;
                }

                if (!_values.TryGetValue(name, out List<string>? list))
                {
                    list = [];
                    _values[name] = list;
                }

                list.Add(value);
            }
        }
    }
}
