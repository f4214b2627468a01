using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.AddCaseNote;
using CivicDesk.Core.Cases.AssignCase;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Cases.ListCases;
using CivicDesk.Core.Common;
using CivicDesk.Web.Errors;
using CivicDesk.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicDesk.Web.StaffApi;

/// <summary>
/// The staff JSON API under <c>/api/v1</c>. Every route is scoped like the workspace: a case outside the
/// caller's departments answers 404. Changes require <c>If-Match</c> with the case's ETag.
/// </summary>
public static class StaffApiEndpoints
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapGroup("/api/v1").RequireAuthorization(StaffPolicies.Staff)
            .WithTags("Staff cases")
            .AnswerHeadLikeGet();
        api.MapGet("/cases", ListAsync).WithSummary("Lists the cases the caller may see, filtered, ordered and paged.");
        api.MapGet("/cases/{id:guid}", GetAsync).WithSummary(
            "Reads one case with its timeline; the ETag is its version.");
        api.MapPost("/cases/{id:guid}/assignment", CaseChangeEndpoints.AssignAsync)
            .WithSummary("Assigns the case to a member of staff, or to nobody with null.");
        api.MapPost("/cases/{id:guid}/status", CaseChangeEndpoints.ChangeStatusAsync)
            .WithSummary("Moves the case to another status, with an optional public note.");
        api.MapPost("/cases/{id:guid}/notes", CaseChangeEndpoints.AddNoteAsync)
            .WithSummary("Adds a public or internal note to the case's timeline.");

        // Open to all staff so that an unseen case answers 404 like everywhere; the use case refuses agents (403).
        api.MapPost("/cases/{id:guid}/routing", CaseChangeEndpoints.OverrideRoutingAsync)
            .WithSummary("Overrides the department, queue and/or priority, with a reason (supervisors).");
        SettingsEndpoints.MapSettings(api);
        return endpoints;
    }

    /// <summary>GET /api/v1/cases: the query parameters of the staff queue.</summary>
    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> ListAsync(
        HttpContext context,
        ListCasesHandler handler,
        CancellationToken cancellationToken)
    {
        Dictionary<string, IReadOnlyList<string>> parameters = context.Request.Query
            .ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value.OfType<string>().ToArray(),
                StringComparer.Ordinal);
        Result<CaseListQuery> parsed = CaseListQueryParser.Parse(parameters);
        if (!parsed.TryGetValue(out CaseListQuery? query, out Error? invalid))
        {
            return ProblemResults.From(invalid);
        }

        Result<CaseListPage> result = await handler.HandleAsync(StaffClaims.Caller(context), query, cancellationToken);
        return result.TryGetValue(out CaseListPage? page, out Error? error)
            ? TypedResults.Json(CaseResources.Page(page), CaseResources.Json)
            : ProblemResults.From(error);
    }

    /// <summary>
    /// GET /api/v1/cases/{id}: one case; 404 when it does not exist or lies outside the caller's scope.
    /// </summary>
    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpContext context,
        GetCaseHandler handler,
        CancellationToken cancellationToken)
    {
        Result<CaseDetails> result = await handler.HandleAsync(StaffClaims.Caller(context), id, cancellationToken);
        if (!result.TryGetValue(out CaseDetails? details, out Error? error))
        {
            return ProblemResults.From(error);
        }

        context.Response.Headers.ETag = IfMatch.ETagFor(details.Case.Version);
        return TypedResults.Json(CaseResources.Details(details), CaseResources.Json);
    }
}
