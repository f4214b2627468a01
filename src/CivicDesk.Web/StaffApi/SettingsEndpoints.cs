using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.StaffSettings;
using CivicDesk.Web.Errors;
using CivicDesk.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicDesk.Web.StaffApi;

/// <summary>
/// The caller's own settings in the staff API: <c>GET</c> and <c>PUT /api/v1/me/settings</c>. They change only
/// how the workspace shows times; the API's own instants stay UTC.
/// </summary>
internal static class SettingsEndpoints
{
    public static void MapSettings(RouteGroupBuilder api)
    {
        api.MapGet("/me/settings", GetAsync).RequireAuthorization(StaffPolicies.Staff)
            .WithSummary("Reads the caller's settings: the time zone the workspace shows times in.");
        api.MapPut("/me/settings", PutAsync).RequireAuthorization(StaffPolicies.Staff)
            .WithSummary("Sets the caller's time zone (a tz database id, or null for the jurisdiction's) and/or "
                + "language; a field left out keeps its value.");
    }

    /// <summary>GET /api/v1/me/settings.</summary>
    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> GetAsync(
        HttpContext context,
        StaffSettingsHandler handler,
        CancellationToken cancellationToken)
    {
        Result<StaffSettingsView> result = await handler.GetAsync(
            StaffClaims.UserId(context.User) ?? Guid.Empty, cancellationToken);
        return Answer(result);
    }

    /// <summary>
    /// PUT /api/v1/me/settings with any of its fields, each optional: a field left out keeps its value.
    /// <c>"time_zone"</c>: a tz database id, or null to go back to the jurisdiction's zone; an id tzdb does not know
    /// is a 400 naming it. <c>"language"</c> (<c>en</c>, <c>es</c>): the language of the user's notifications and
    /// workspace. <c>{}</c> changes nothing and answers the settings.
    /// </summary>
    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> PutAsync(
        HttpContext context,
        StaffSettingsHandler handler,
        CancellationToken cancellationToken)
    {
        const string Field = StaffSettingsHandler.TimeZoneField;
        (JsonFields? fields, FieldError? unreadable) = await JsonFields.ReadAsync(
            context.Request, [Field, StaffLanguages.Field], cancellationToken);
        if (fields is null)
        {
            return ProblemResults.Validation([unreadable!]);
        }

        string? zoneId = fields.String(Field, required: false);
        string? language = fields.String(StaffLanguages.Field, required: false);
        if (fields.Errors.Count > 0)
        {
            return ProblemResults.Validation(fields.Errors);
        }

        ChangeStaffSettings request = new(
            StaffClaims.UserId(context.User) ?? Guid.Empty, zoneId, context.Connection.RemoteIpAddress?.ToString())
        {
            Language = language,
            KeepTimeZone = !fields.Has(Field),
        };
        return Answer(await handler.ChangeAsync(request, cancellationToken));
    }

    private static Results<JsonHttpResult<object>, ProblemHttpResult> Answer(Result<StaffSettingsView> result)
    {
        if (!result.TryGetValue(out StaffSettingsView? settings, out Error? error))
        {
            return ProblemResults.From(error);
        }

        object body = new
        {
            time_zone = settings.TimeZoneId,
            jurisdiction_time_zone = settings.JurisdictionTimeZoneId,
            effective_time_zone = settings.Viewer.Zone.Id,
            language = settings.Language,
        };
        return TypedResults.Json(body, CaseResources.Json);
    }
}
