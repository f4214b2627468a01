namespace CivicDesk.Web.Portal.Requests;

/// <summary>
/// The request form's field names (the Open311 names <c>SubmitRequest</c> reports errors in) and the ids
/// of the HTML elements an error links to.
/// </summary>
public static class RequestFields
{
    public const string Description = "description";
    public const string Address = "address_string";
    public const string ZipCode = "zipcode";
    public const string Latitude = "lat";
    public const string Longitude = "long";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Photos = "photos";
    public const string SubmissionToken = "submission_token";

    public static string QuestionName(string code) => $"attribute[{code}]";

    /// <summary>The id of a question's control; for radios and checkboxes, of its first choice.</summary>
    public static string QuestionId(string code) => "q-" + new string(code.Select(SafeIdChar).ToArray());

    public static string ChoiceId(string code, int index) => $"{QuestionId(code)}-{index}";

    /// <summary>The id of the HTML element that holds a field.</summary>
    public static string IdFor(string name) => name switch
    {
        Address => "address",
        FirstName => "first-name",
        LastName => "last-name",
        _ => name,
    };

    private static char SafeIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-';
}
