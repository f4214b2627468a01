using System.Text;
using CivicDesk.Core.Common;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// The parameters of one Open311 call, from the query string and, for a POST, the form body. Follows the
/// spec's rule that an empty parameter counts as a missing one. A single-valued parameter sent twice with
/// different values, a parameter of a POST given both in the query string and in the form body (whichever
/// was meant, taking one would be a guess), and any parameter holding bytes that are not UTF-8, a NUL or
/// another control character (see <see cref="TextCharacters"/>), are recorded as errors naming the field.
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

    /// <summary>
    /// The parameters of <paramref name="request"/>'s query string and, for a POST, of its form, with the
    /// fields whose raw bytes were not UTF-8 (<see cref="UrlEncodedText"/>; the form's are found while reading it).
    /// </summary>
    public static Open311Parameters From(
        HttpRequest request,
        IFormCollection? form = null,
        IReadOnlyList<string?>? unreadableInForm = null)
    {
        Open311Parameters parameters = new();
        string query = request.QueryString.Value ?? string.Empty;
        parameters.AddUnreadable(UrlEncodedText.UnreadableNames(Encoding.UTF8.GetBytes(query.TrimStart('?'))));
        parameters.AddAll(request.Query);
        if (form is not null)
        {
            parameters.AddUnreadable(unreadableInForm ?? []);
            foreach (string name in form.Keys.Where(request.Query.ContainsKey))
            {
                parameters.AddError($"{Open311Text.Echo(name, 40)}: was given both in the query string and in the "
                    + "form body; send it in one of them.");
            }

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
            AddError($"{name}: was given more than once with different values.");
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

    private const string UnreadableName =
        "A parameter name holds bytes that are not UTF-8, or a NUL or other control character.";

    private static string UnreadableValue(string name) =>
        $"{Open311Text.Echo(name, 40)}: holds bytes that are not UTF-8, or a NUL or other control character.";

    private void AddUnreadable(IEnumerable<string?> names)
    {
        foreach (string? name in names)
        {
            AddError(name is null ? UnreadableName : UnreadableValue(name));
        }
    }

    /// <summary>Each problem once: a field can be caught both in its raw bytes and in its decoded text.</summary>
    private void AddError(string error)
    {
        if (!_errors.Contains(error, StringComparer.Ordinal))
        {
            _errors.Add(error);
        }
    }

    private void AddAll(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source)
    {
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in source)
        {
            if (!TextCharacters.AreAcceptable(name))
            {
                AddError(UnreadableName);
                continue;
            }

            foreach (string? value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (!TextCharacters.AreAcceptable(value))
                {
                    AddError(UnreadableValue(name));
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
