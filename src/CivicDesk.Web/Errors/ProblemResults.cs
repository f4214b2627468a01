using CivicDesk.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using NotFound = CivicDesk.Core.Common.NotFound;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Web.Errors;

/// <summary>
/// The one mapping from a use case's expected errors to RFC 9457 problem details. Each error kind has a
/// stable <c>type</c>; validation problems list every field with a code and a message.
/// </summary>
public static class ProblemResults
{
    public const string ValidationType = "/problems/validation";
    public const string NotFoundType = "/problems/not-found";
    public const string ForbiddenType = "/problems/forbidden";
    public const string ConflictType = "/problems/edit-conflict";
    public const string MalformedType = "/problems/malformed-request";
    public const string PreconditionRequiredType = "/problems/precondition-required";
    public const string UnexpectedType = "/problems/unexpected";
    public const string BusyType = "/problems/busy";
    public const string UnauthenticatedType = "/problems/unauthenticated";
    public const string MethodNotAllowedType = "/problems/method-not-allowed";

    public static ProblemHttpResult From(Error error) => error switch
    {
        ValidationFailed invalid => Validation(invalid.Errors),
        NotFound notFound => Problem(StatusCodes.Status404NotFound, NotFoundType, notFound.Title),
        Forbidden forbidden => Problem(StatusCodes.Status403Forbidden, ForbiddenType, forbidden.Title),
        EditConflict conflict => Conflict(conflict),
        _ => Problem(StatusCodes.Status400BadRequest, MalformedType, error.Title),
    };

    public static ProblemHttpResult Validation(IReadOnlyList<FieldError> errors)
    {
        ProblemDetails problem = Details(StatusCodes.Status400BadRequest, ValidationType,
            "The request has invalid fields.");
        problem.Extensions["errors"] = errors
            .Select(e => new { field = e.Field, code = e.Code, message = e.Message })
            .ToArray();
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Malformed(string field, string message) =>
        Validation([new FieldError(field, "malformed", message)]);

    /// <summary>404 for an address under <c>/api</c> that names no resource of the API.</summary>
    public static ProblemHttpResult UnknownAddress() =>
        Problem(StatusCodes.Status404NotFound, NotFoundType, "The staff API has no resource at this address.");

    /// <summary>
    /// 405 for a known address of the staff API called with a method it does not take; the caller sets the
    /// <c>Allow</c> header from the same <paramref name="allowed"/> list.
    /// </summary>
    public static ProblemHttpResult MethodNotAllowed(string method, IReadOnlyList<string> allowed)
    {
        string shown = method.Length <= 20 ? method : method[..20];
        ProblemDetails problem = Details(StatusCodes.Status405MethodNotAllowed, MethodNotAllowedType,
            "The staff API does not take this method at this address.");
        problem.Detail = $"{shown} is not supported here; use {string.Join(", ", allowed)}.";
        problem.Extensions["allowed_methods"] = allowed;
        return TypedResults.Problem(problem);
    }

    /// <summary>401: the request carries no valid staff session.</summary>
    public static ProblemHttpResult Unauthenticated() => Problem(
        StatusCodes.Status401Unauthorized,
        UnauthenticatedType,
        "Sign in as a member of staff to use the staff API.");

    /// <summary>403 from the authorization policies, before any use case ran.</summary>
    public static ProblemHttpResult PolicyForbidden(bool mustChangePassword) => Problem(
        StatusCodes.Status403Forbidden,
        ForbiddenType,
        mustChangePassword
            ? "Replace your one-time password on the password page before using the staff API."
            : "Your role may not use this part of the staff API.");

    /// <summary>
    /// 428: a change was sent without <c>If-Match</c>, so it cannot be checked against the caller's version.
    /// </summary>
    public static ProblemHttpResult PreconditionRequired() => Problem(
        StatusCodes.Status428PreconditionRequired,
        PreconditionRequiredType,
        "Send If-Match with the ETag of the version you read.");

    /// <summary>412: the <c>If-Match</c> version is stale; the body carries the current values.</summary>
    public static ProblemHttpResult PreconditionFailed(EditConflict conflict) =>
        Conflict(conflict, StatusCodes.Status412PreconditionFailed);

    private static ProblemHttpResult Conflict(EditConflict conflict, int status = StatusCodes.Status409Conflict)
    {
        ProblemDetails problem = Details(status, ConflictType, conflict.Title);
        problem.Extensions["currentVersion"] = conflict.CurrentVersion;
        problem.Extensions["currentValues"] = JsonValues(conflict.CurrentValues);
        return TypedResults.Problem(problem);
    }

    /// <summary>Each value with its JSON type; an instant as an ISO 8601 string in UTC.</summary>
    private static Dictionary<string, object?> JsonValues(IReadOnlyDictionary<string, object?> values) =>
        values.ToDictionary(
            v => v.Key,
            v => v.Value is Instant instant ? InstantPattern.ExtendedIso.Format(instant) : v.Value,
            StringComparer.Ordinal);

    private static ProblemHttpResult Problem(int status, string type, string title) =>
        TypedResults.Problem(Details(status, type, title));

    private static ProblemDetails Details(int status, string type, string title) =>
        new() { Status = status, Type = type, Title = title };
}
