using System.Globalization;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Common;
using Microsoft.Extensions.Localization;

namespace CivicDesk.Web.Portal.Requests;

/// <summary>
/// Turns the field errors of <c>SubmitRequest</c> (Open311 field names, stable codes, English messages)
/// into messages in the resident's language, each tied to the form element it is about.
/// </summary>
public sealed class ErrorTranslator(
    IStringLocalizer<PortalResources> text,
    ServiceView service,
    string jurisdictionName)
{
    // The limits SubmitRequest's validators apply; the form shows them and sets them as maxlength.
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 400;
    public const int MaxZipLength = 20;
    public const int MaxDescriptionLength = 4000;

    private static readonly string[] FieldOrder =
    [
        RequestFields.Description, RequestFields.IdFor(RequestFields.Address), RequestFields.ZipCode,
        RequestFields.Latitude, RequestFields.Longitude, RequestFields.Photos,
        RequestFields.IdFor(RequestFields.FirstName), RequestFields.IdFor(RequestFields.LastName),
        RequestFields.Email, RequestFields.Phone,
    ];

    public FormErrors Translate(IEnumerable<FieldError> coreErrors, IEnumerable<FormError> formErrors)
    {
        List<FormError> all = [.. formErrors, .. coreErrors.Select(Translate)];
        FormErrors ordered = new();
        foreach (FormError error in all.OrderBy(e => Position(e.FieldId)))
        {
            ordered.Add(error.FieldId, error.Message);
        }

        return ordered;
    }

    public FormError Translate(FieldError error)
    {
        string field = error.Field;
        if (field.StartsWith("attribute[", StringComparison.Ordinal) && field.EndsWith(']'))
        {
            return Question(field["attribute[".Length..^1], error.Code);
        }

        if (error.Code == TextCharacters.ErrorCode)
        {
            string? element = FieldOrder.Contains(RequestFields.IdFor(field)) ? RequestFields.IdFor(field) : null;
            return new FormError(element, text["ErrUnreadableText"]);
        }

        if (field.StartsWith("photos[", StringComparison.Ordinal) && field.EndsWith(']')
            && int.TryParse(
                field["photos[".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            string message = error.Code switch
            {
                "too_large" => text["ErrPhotoTooLarge", index + 1, PhotoRules.MaxBytes / (1024 * 1024)],
                "too_many_pixels" =>
                    text["ErrPhotoTooManyPixels", index + 1, PhotoRules.MaxSide, PhotoRules.MaxPixels / 1_000_000],
                _ => text["ErrPhotoType", index + 1],
            };
            return new FormError(RequestFields.Photos, message);
        }

        return (field, error.Code) switch
        {
            (RequestFields.Latitude, "outside_jurisdiction") =>
                new FormError(RequestFields.Latitude, text["ErrOutside", jurisdictionName]),
            (RequestFields.Latitude, "invalid") => new FormError(RequestFields.Latitude, text["ErrCoordinateRange"]),
            (RequestFields.Latitude or RequestFields.Longitude, _) => new FormError(field, text["ErrCoordinatePair"]),
            ("location", _) => new FormError(RequestFields.IdFor(RequestFields.Address), text["ErrLocationRequired"]),
            (RequestFields.Address, _) => TooLong(RequestFields.Address, MaxAddressLength),
            (RequestFields.ZipCode, "invalid") => new FormError(RequestFields.ZipCode, text["ErrZip"]),
            (RequestFields.ZipCode, _) => TooLong(RequestFields.ZipCode, MaxZipLength),
            (RequestFields.Description, _) => TooLong(RequestFields.Description, MaxDescriptionLength),
            (RequestFields.FirstName or RequestFields.LastName, _) => TooLong(field, MaxNameLength),
            (RequestFields.Email, _) => new FormError(RequestFields.Email, text["ErrEmail"]),
            (RequestFields.Phone, _) => new FormError(RequestFields.Phone, text["ErrPhone"]),
            (RequestFields.Photos, _) =>
                new FormError(RequestFields.Photos, text["ErrPhotosTooMany", PhotoRules.MaxPhotos]),
            ("service_code", _) => new FormError(null, text["ErrServiceGone"]),
            _ => new FormError(null, text["ErrGeneric"]),
        };
    }

    private FormError Question(string code, string errorCode)
    {
        QuestionView? question = service.Questions.FirstOrDefault(q => q.Code == code);
        if (question is null)
        {
            return new FormError(null, text["ErrGeneric"]);
        }

        string id = QuestionControls.ErrorTarget(question);
        return errorCode switch
        {
            "required" => new FormError(id, text["ErrAnswerRequired", question.Label]),
            TextCharacters.ErrorCode => new FormError(id, text["ErrUnreadableText"]),
            _ => new FormError(id, text["ErrAnswerInvalid", question.Label]),
        };
    }

    private FormError TooLong(string field, int max) => new(RequestFields.IdFor(field), text["ErrTooLong", max]);

    private int Position(string? fieldId)
    {
        if (fieldId is null)
        {
            return -1;
        }

        int question = service.Questions.ToList().FindIndex(
            q => fieldId == RequestFields.QuestionId(q.Code) || fieldId == RequestFields.ChoiceId(q.Code, 0));
        if (question >= 0)
        {
            return question;
        }

        int fixedField = Array.IndexOf(FieldOrder, fieldId);
        return service.Questions.Count + (fixedField < 0 ? FieldOrder.Length : fixedField);
    }
}
