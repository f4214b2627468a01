using System.Text.RegularExpressions;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Jurisdictions;

namespace CivicDesk.Core.Cases.SubmitRequest;

/// <summary>Checks everything about a request except what needs the database, and normalises what it keeps.</summary>
// Limitation: postal codes are checked only in US jurisdictions (ZIP and ZIP+4); elsewhere only their length
// is. A postal-code pattern per country would lift this.
internal static partial class RequestValidator
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxAddressLength = 400;
    public const int MaxMediaUrlLength = 2000;

    public static ValidatedRequest Validate(SubmitRequest request, Jurisdiction jurisdiction, Service service)
    {
        List<FieldError> unreadable = UnreadableText(request);
        List<FieldError> errors = [];
        CaseAnswers answers = AnswerValidator.Validate(service, request.Answers, errors);
        CaseLocation location = ValidateLocation(request, jurisdiction, errors);
        string? description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        if (description?.Length > MaxDescriptionLength)
        {
            errors.Add(new FieldError(
                "description",
                "too_long",
                $"The description may hold at most {MaxDescriptionLength} characters."));
        }

        ResidentContact contact = ContactValidator.Validate(request.Contact, jurisdiction.CountryCode, errors);
        List<SanitizedPhoto> photos = PhotoRules.Validate(request.Photos, errors);
        string? mediaUrl = ValidateMediaUrl(request.MediaUrl, errors);

        // A field that could not be read is reported for that alone: its other errors would describe mangled text.
        List<FieldError> all = [.. unreadable, .. errors.Where(e => unreadable.TrueForAll(u => u.Field != e.Field))];
        return new ValidatedRequest(answers, location, description, contact, photos, all) { MediaUrl = mediaUrl };
    }

    private static List<FieldError> UnreadableText(SubmitRequest request)
    {
        ResidentContact contact = request.Contact;
        IEnumerable<(string Field, string? Value)> texts =
        [
            ("description", request.Description), ("address_string", request.Address),
            ("address_id", request.AddressId), ("zipcode", request.ZipCode), ("media_url", request.MediaUrl),
            ("first_name", contact.FirstName), ("last_name", contact.LastName), ("email", contact.Email),
            ("phone", contact.Phone),
            .. request.Answers.SelectMany(a => a.Value.Select(v => (AnswerValidator.FieldName(a.Key), (string?)v))),
        ];
        return
        [
            .. texts.Select(t => TextCharacters.Check(t.Field, t.Value)).OfType<FieldError>().DistinctBy(e => e.Field),
        ];
    }

    private static string? ValidateMediaUrl(string? value, List<FieldError> errors)
    {
        string? mediaUrl = Clean(value);
        if (mediaUrl is null)
        {
            return null;
        }

        bool valid = mediaUrl.Length <= MaxMediaUrlLength
            && Uri.TryCreate(mediaUrl, UriKind.Absolute, out Uri? uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        if (!valid)
        {
            errors.Add(new FieldError(
                "media_url",
                "invalid",
                $"The media URL must be an absolute http or https URL of at most {MaxMediaUrlLength} characters."));
        }

        return valid ? mediaUrl : null;
    }

    private static CaseLocation ValidateLocation(
        SubmitRequest request,
        Jurisdiction jurisdiction,
        List<FieldError> errors)
    {
        GeoPoint? point = null;
        if (request.Latitude is null != request.Longitude is null)
        {
            string missing = request.Latitude is null ? "lat" : "long";
            errors.Add(new FieldError(missing, "required", "Give both latitude and longitude, or neither."));
        }
        else if (request.Latitude is double latitude && request.Longitude is double longitude)
        {
            if (!GeoPoint.IsValid(latitude, longitude))
            {
                errors.Add(new FieldError(
                    "lat", "invalid", "Latitude must lie between -90 and 90, longitude between -180 and 180."));
            }
            else if (!jurisdiction.Bounds.Contains(new GeoPoint(latitude, longitude)))
            {
                // The name in parentheses reads right whether it takes an article or not ("City of Los Angeles").
                errors.Add(new FieldError("lat", "outside_jurisdiction",
                    $"The location is outside the area this jurisdiction serves ({jurisdiction.Name})."));
            }
            else
            {
                point = new GeoPoint(latitude, longitude);
            }
        }

        string? address = Clean(request.Address);
        string? addressId = Clean(request.AddressId);
        if (address?.Length > MaxAddressLength)
        {
            errors.Add(new FieldError(
                "address_string", "too_long", $"The address may hold at most {MaxAddressLength} characters."));
        }

        if (addressId?.Length > 100)
        {
            errors.Add(new FieldError("address_id", "too_long", "The address id may hold at most 100 characters."));
        }

        string? zip = Clean(request.ZipCode);
        if (zip is not null && jurisdiction.CountryCode == "US" && !UsZipCode().IsMatch(zip))
        {
            errors.Add(new FieldError(
                "zipcode", "invalid", "The ZIP code must be 5 digits, or 5 digits, a hyphen and 4 digits."));
        }
        else if (zip?.Length > 20)
        {
            errors.Add(new FieldError("zipcode", "too_long", "The ZIP code may hold at most 20 characters."));
        }

        CaseLocation location = new(point, address, addressId, zip);
        bool pointRejected = request.Latitude is not null && point is null;
        if (location.IsEmpty && !pointRejected)
        {
            errors.Add(new FieldError(
                "location", "required", "Give a location: latitude and longitude, an address, or an address id."));
        }

        return location;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[0-9]{5}(-[0-9]{4})?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex UsZipCode();
}

/// <summary>A request after validation: normalised values and every error found.</summary>
internal sealed record ValidatedRequest(
    CaseAnswers Answers,
    CaseLocation Location,
    string? Description,
    ResidentContact Contact,
    IReadOnlyList<SanitizedPhoto> Photos,
    IReadOnlyList<FieldError> Errors)
{
    public string? MediaUrl { get; init; }
}
