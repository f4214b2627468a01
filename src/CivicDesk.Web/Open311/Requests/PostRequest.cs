using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity.VerifyApiKey;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Web.Open311.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CivicDesk.Web.Open311.Requests;

/// <summary>
/// <c>POST /open311/v2/requests.{format}</c>: a partner system submits a request. The key is checked here
/// (403 when missing, unknown, revoked or for another jurisdiction), the form is read, and the request goes
/// through <see cref="SubmitRequestHandler"/> like every other channel. The answer comes after the commit.
/// </summary>
// Limitation: a partner that retries a POST after a lost answer creates a second case, and keys are not
// rate limited. Mapping an Idempotency-Key header (scoped by key) to the submission key, and a per-key
// limiter, would lift both.
internal static class PostRequest
{
    public static async Task<Results<Open311Created<RequestReceiptView>, Open311Errors>> HandleAsync(
        string format,
        HttpContext httpContext,
        [FromServices] JurisdictionLookup jurisdictions,
        [FromServices] VerifyApiKeyHandler verifyKey,
        [FromServices] SubmitRequestHandler submit,
        [FromServices] ILogger<PostRequestForm> logger,
        CancellationToken cancellationToken)
    {
        Open311Format chosen = Open311Formats.TryParse(format, out Open311Format parsed) ? parsed : Open311Format.Json;
        (IFormCollection? form, IReadOnlyList<string?> notUtf8, Open311Errors? unreadable) =
            await Open311Forms.ReadAsync(httpContext.Request, chosen, cancellationToken);
        if (unreadable is not null)
        {
            return Reject(logger, unreadable);
        }

        Open311Parameters parameters = Open311Parameters.From(httpContext.Request, form, notUtf8);
        string? apiKey = parameters.Single("api_key");
        Open311Call call = await Open311Call.BeginAsync(format, parameters, jurisdictions, cancellationToken);
        if (call.Error is { } error)
        {
            return Reject(logger, error);
        }

        Jurisdiction jurisdiction = call.Jurisdiction!;
        Result<VerifiedApiKey> key =
            await verifyKey.HandleAsync(new VerifyApiKey(apiKey, jurisdiction.Id), cancellationToken);
        if (!key.TryGetValue(out VerifiedApiKey? partner, out Error? refused))
        {
            return Reject(logger, Open311Errors.From(refused, call.Format));
        }

        Actor actor = new(
            ActorKind.Partner, partner.Id, partner.Name, httpContext.Connection.RemoteIpAddress?.ToString());
        PostRequestForm fields = PostRequestForm.Read(parameters);
        return await SubmitAsync(
            fields, LanguageOf(httpContext), parameters, call, actor, submit, logger, cancellationToken);
    }

    private static async Task<Results<Open311Created<RequestReceiptView>, Open311Errors>> SubmitAsync(
        PostRequestForm fields,
        string? language,
        Open311Parameters parameters,
        Open311Call call,
        Actor actor,
        SubmitRequestHandler submit,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        List<string> problems = [.. parameters.Errors, .. fields.Errors];
        if (fields.ServiceCode is null && parameters.All("service_code").All(string.IsNullOrWhiteSpace))
        {
            problems.Insert(0, "service_code: was not provided.");
        }

        if (problems.Count > 0)
        {
            return Reject(logger, Open311Errors.BadRequest(call.Format, [.. problems]));
        }

        Result<SubmitRequestReceipt> submitted =
            await submit.HandleAsync(ToCommand(fields, language, call.Jurisdiction!, actor), cancellationToken);
        if (!submitted.TryGetValue(out SubmitRequestReceipt? receipt, out Error? invalid))
        {
            return Reject(logger, ToErrors(invalid, fields.ServiceCode!, call.Format));
        }

        Log.Created(logger, receipt.Reference, actor.Id!.Value);
        string suffix = call.Format == Open311Format.Xml ? "xml" : "json";
        string location = $"{Open311Endpoints.BasePath}/requests/{Uri.EscapeDataString(receipt.Reference)}.{suffix}";
        return new Open311Created<RequestReceiptView>(new RequestReceiptView(receipt.Reference), call.Format, location);
    }

    private static SubmitRequest ToCommand(
        PostRequestForm fields,
        string? language,
        Jurisdiction jurisdiction,
        Actor actor) =>
        new(
            jurisdiction.Id,
            fields.ServiceCode,
            fields.Answers,
            fields.Latitude,
            fields.Longitude,
            fields.AddressString,
            fields.AddressId,
            fields.ZipCode,
            fields.Description,
            new ResidentContact(fields.FirstName, fields.LastName, fields.Email, fields.Phone),
            Channel.Api,
            SubmissionKey: null,
            Photos: [],
            actor)
        {
            MediaUrl = fields.MediaUrl,
            Language = language,
        };

    /// <summary>
    /// The resident's language, which notifications are written in: the supported one the request's
    /// <c>Accept-Language</c> header prefers, as the localisation middleware already chose it from its one
    /// reading of the header; null (the default language) when the header names none we write in.
    /// </summary>
    // Limitation: jurisdictions keep no language of their own, so "none" means the product's default (en).
    private static string? LanguageOf(HttpContext httpContext) =>
        httpContext.Features.Get<IRequestCultureFeature>() is
        {
            Provider: AcceptLanguageHeaderRequestCultureProvider,
        } chosen
            ? chosen.RequestCulture.UICulture.TwoLetterISOLanguageName
            : null;

    /// <summary>The spec answers an unknown service code with 404; every other refusal keeps its fields.</summary>
    private static Open311Errors ToErrors(Error error, string serviceCode, Open311Format format) =>
        error is ValidationFailed { Errors: [{ Field: "service_code", Code: "not_found" }] }
            ? Open311Errors.NotFound(format, $"service_code '{Open311Text.Echo(serviceCode)}' was not found.")
            : Open311Errors.From(error, format);

    private static Open311Errors Reject(ILogger logger, Open311Errors errors)
    {
        Log.Rejected(logger, errors.Status, errors.Errors.Count);
        return errors;
    }
}
