using System.Globalization;
using System.Text.RegularExpressions;
using CivicDesk.Web.Open311.Common;

namespace CivicDesk.Web.Open311.Requests;

/// <summary>
/// The fields of a <c>POST requests</c> form once read: text fields as sent (empty ones as missing),
/// coordinates as numbers, and answers by question code from <c>attribute[CODE]</c> and
/// <c>attribute[CODE][]</c>. Anything that could not be read is listed in <see cref="Errors"/>.
/// </summary>
internal sealed partial record PostRequestForm(
    string? ServiceCode,
    double? Latitude,
    double? Longitude,
    string? AddressString,
    string? AddressId,
    string? ZipCode,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Description,
    string? MediaUrl,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
    IReadOnlyList<string> Errors)
{
    private const string AttributePrefix = "attribute[";

    public static PostRequestForm Read(Open311Parameters parameters)
    {
        List<string> errors = [];
        double? latitude = ReadCoordinate(parameters, "lat", errors);
        double? longitude = ReadCoordinate(parameters, "long", errors);
        Dictionary<string, IReadOnlyList<string>> answers = ReadAnswers(parameters, errors);

        // Read so that a repeated value is caught; neither is stored, because a device or account id
        // identifies a person and CivicDesk has no use for it.
        _ = parameters.Single("device_id");
        _ = parameters.Single("account_id");
        return new PostRequestForm(
            parameters.Single("service_code"),
            latitude,
            longitude,
            parameters.Single("address_string"),
            parameters.Single("address_id"),
            parameters.Single("zipcode"),
            parameters.Single("email"),
            parameters.Single("first_name"),
            parameters.Single("last_name"),
            parameters.Single("phone"),
            parameters.Single("description"),
            parameters.Single("media_url"),
            answers,
            errors);
    }

    private static double? ReadCoordinate(Open311Parameters parameters, string name, List<string> errors)
    {
        string? text = parameters.Single(name);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value))
        {
            return value;
        }

        errors.Add($"{name}: '{Open311Text.Echo(text)}' is not a decimal number such as 40.7128.");
        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAnswers(
        Open311Parameters parameters,
        List<string> errors)
    {
        Dictionary<string, List<string>> answers = new(StringComparer.Ordinal);
        foreach (string name in parameters.Names.Where(n => n.StartsWith(AttributePrefix, StringComparison.Ordinal)))
        {
            Match match = AttributeName().Match(name);
            if (!match.Success)
            {
                errors.Add($"{Open311Text.Echo(name, 40)}: is not of the form attribute[CODE] or attribute[CODE][].");
                continue;
            }

            string code = match.Groups["code"].Value;
            if (!answers.TryGetValue(code, out List<string>? values))
            {
                values = [];
                answers[code] = values;
            }

            values.AddRange(parameters.All(name));
        }

        return answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^attribute\[(?<code>[^\[\]]{1,80})\](?:\[\])?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex AttributeName();
}
