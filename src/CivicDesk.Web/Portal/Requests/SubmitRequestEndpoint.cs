using System.Globalization;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.Photos;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.Catalog.GetCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Web.Portal.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CivicDesk.Web.Portal.Requests;

/// <summary>
/// Receives the portal's request form (multipart, antiforgery-checked), hands it to <c>SubmitRequest</c>
/// and answers 303 to the confirmation page, or 400 with the form shown again, values kept and each
/// error in the resident's language linked to its field. A form whose antiforgery token no longer holds
/// is shown again the same way, with a fresh token, and nothing is submitted.
/// </summary>
internal static class SubmitRequestEndpoint
{
    /// <summary>
    /// The largest form accepted: room for one photo more than allowed, so six photos get the "too many"
    /// message rather than a refused upload.
    /// </summary>
    // Limitation: a body above this size is refused by the server with a plain 400 problem, not with the
    // form shown again, because the form cannot be read. Checking sizes in the browser needs JavaScript.
    public const long MaxBodyBytes = (PhotoRules.MaxPhotos + 1L) * PhotoRules.MaxBytes + (1024 * 1024);

    public static async Task<IResult> HandleAsync(
        string code,
        IFormCollection form,
        HttpContext http,
        PortalCatalog catalog,
        SubmitRequestHandler handler,
        IAntiforgery antiforgery,
        IStringLocalizer<PortalResources> text,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ILogger logger = loggers.CreateLogger(typeof(SubmitRequestEndpoint));
        CatalogView view = await catalog.GetAsync(cancellationToken);
        if (view.Find(code) is not ServiceView service)
        {
            return PortalPage.Render<ServiceNotFound>(StatusCodes.Status404NotFound, new() { ["Code"] = code });
        }

        RequestFormModel model = RequestFormModel.Read(form, service);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            Log.FormExpired(logger);
            return ShowExpired(service, model, form.Files, text, view.JurisdictionName);
        }

        List<FormError> unreadable = [];
        List<UploadedPhoto> photos = await ReadPhotosAsync(form.Files, cancellationToken);
        model.PhotosSent = photos.Count;
        SubmitRequest request = BuildRequest(view.JurisdictionId, service, model, photos, text, unreadable, http);
        Result<SubmitRequestReceipt> result = await handler.HandleAsync(request, cancellationToken);
        if (result.IsSuccess)
        {
            Log.FormAccepted(logger, result.Value.CaseId, result.Value.AlreadySubmitted);
            http.Response.Headers.Location = Links.Submitted(result.Value.Reference);
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }

        IEnumerable<FieldError> reported = result.Error is ValidationFailed invalid ? invalid.Errors : [];
        if (result.Error is not ValidationFailed)
        {
            Log.SubmissionFailed(logger, result.Error.GetType().Name);
            unreadable.Add(new FormError(null, text["ErrGeneric"]));
        }

        ErrorTranslator translator = new(text, service, view.JurisdictionName);
        FormErrors errors = translator.Translate(WithoutCoordinateErrors(reported, unreadable), unreadable);
        Log.FormRejected(logger, errors.Items.Count);
        return ShowAgain(service, model, errors, view.JurisdictionName);
    }

    /// <summary>The form again, status 400, with what was typed and the errors; the page draws a fresh token.</summary>
    private static RazorComponentResult<PortalDocument> ShowAgain(
        ServiceView service,
        RequestFormModel model,
        FormErrors errors,
        string jurisdictionName) =>
        PortalPage.Render<RequestForm>(StatusCodes.Status400BadRequest, new()
        {
            ["Service"] = service,
            ["Model"] = model,
            ["Errors"] = errors,
            ["JurisdictionName"] = jurisdictionName,
        });

    /// <summary>
    /// The form again after its antiforgery token failed: nothing is checked or stored, the message says why,
    /// and the photos are counted so the form can ask for them again (a browser cannot refill a file input).
    /// </summary>
    private static RazorComponentResult<PortalDocument> ShowExpired(
        ServiceView service,
        RequestFormModel model,
        IFormFileCollection files,
        IStringLocalizer<PortalResources> text,
        string jurisdictionName)
    {
        model.PhotosSent = files.GetFiles(RequestFields.Photos).Count(IsChosen);
        FormErrors expired = new();
        expired.Add(null, text["ErrFormExpired"]);
        return ShowAgain(service, model, expired, jurisdictionName);
    }

    /// <summary>A file input left empty still sends one part, with no name and no bytes.</summary>
    private static bool IsChosen(IFormFile file) => file.Length > 0 || !string.IsNullOrEmpty(file.FileName);

    /// <summary>The command every channel sends: channel Web, the form's token as the submission key.</summary>
    private static SubmitRequest BuildRequest(
        Guid jurisdictionId,
        ServiceView service,
        RequestFormModel model,
        List<UploadedPhoto> photos,
        IStringLocalizer<PortalResources> text,
        List<FormError> unreadable,
        HttpContext http)
    {
        double? latitude =
            ReadCoordinate(model.Latitude, RequestFields.Latitude, text["ErrLatitudeNumber"], unreadable);
        double? longitude =
            ReadCoordinate(model.Longitude, RequestFields.Longitude, text["ErrLongitudeNumber"], unreadable);
        ResidentContact contact = new(
            Blank(model.FirstName), Blank(model.LastName), Blank(model.Email), Blank(model.Phone));
        return new SubmitRequest(
            jurisdictionId, service.Code, model.Answers, latitude, longitude, Blank(model.Address), null,
            Blank(model.ZipCode), Blank(model.Description), contact, Channel.Web, Blank(model.SubmissionToken),
            photos, Actor.Resident(http.Connection.RemoteIpAddress?.ToString()))
        {
            // The language the resident chose on the portal: notifications about the request are written in it.
            Language = CultureInfo.CurrentUICulture.Name,
        };
    }

    /// <summary>
    /// An unreadable coordinate is passed on as NaN, which <c>SubmitRequest</c> always refuses: the rest of
    /// the form is still checked, so every error shows at once, and nothing can be stored.
    /// </summary>
    private static double? ReadCoordinate(string? typed, string field, string message, List<FormError> errors)
    {
        if (RequestFormModel.TryParseCoordinate(typed, out double? degrees))
        {
            return degrees;
        }

        errors.Add(new FormError(field, message));
        return double.NaN;
    }

    /// <summary>When a coordinate could not be read, the range errors it caused say nothing more.</summary>
    private static IEnumerable<FieldError> WithoutCoordinateErrors(
        IEnumerable<FieldError> errors,
        List<FormError> unreadable) =>
        unreadable.Any(e => e.FieldId is RequestFields.Latitude or RequestFields.Longitude)
            ? errors.Where(e => e.Field is not (RequestFields.Latitude or RequestFields.Longitude))
            : errors;

    private static async Task<List<UploadedPhoto>> ReadPhotosAsync(
        IFormFileCollection files,
        CancellationToken cancellationToken)
    {
        List<UploadedPhoto> photos = [];
        foreach (IFormFile file in files.GetFiles(RequestFields.Photos))
        {
            if (!IsChosen(file))
            {
                continue;
            }

            using MemoryStream content = new((int)Math.Min(file.Length, PhotoRules.MaxBytes + 1L));
            await file.CopyToAsync(content, cancellationToken);
            photos.Add(new UploadedPhoto(file.FileName, content.ToArray()));
        }

        return photos;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
