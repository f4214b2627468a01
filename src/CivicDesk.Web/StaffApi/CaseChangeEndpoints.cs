using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.AddCaseNote;
using CivicDesk.Core.Cases.AssignCase;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Cases.OverrideRouting;
using CivicDesk.Core.Common;
using CivicDesk.Web.Errors;
using CivicDesk.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicDesk.Web.StaffApi;

/// <summary>
/// The case actions of the staff API. Each checks If-Match (exactly the strong ETag read; a weak tag,
/// a list or <c>*</c> never matches and is answered 412 with the current values) and reads its body field
/// by field.
/// </summary>
internal static class CaseChangeEndpoints
{
    /// <summary>POST /api/v1/cases/{id}/assignment with <c>{"assignee_id": "…" | null}</c>.</summary>
    public static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> AssignAsync(
        Guid id,
        HttpContext context,
        AssignCaseHandler handler,
        CancellationToken cancellationToken)
    {
        return await RunAsync(context, ["assignee_id"], async (fields, version) =>
        {
            Guid? assignee = fields.GuidOrNull("assignee_id");
            return fields.Errors.Count > 0
                ? new ValidationFailed(fields.Errors)
                : await handler.HandleAsync(
                    new AssignCase(StaffClaims.Caller(context), id, version, assignee), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// POST /api/v1/cases/{id}/status with
    /// <c>{"transition": "close", "fields": {"resolution": "…"}, "note": "…"}</c>
    /// for a case worked by a case type (<c>"status"</c> may stand for the transition when exactly one leads
    /// there), or <c>{"status": "in_progress", "note": "…"}</c> for a case without one.
    /// </summary>
    public static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> ChangeStatusAsync(
        Guid id,
        HttpContext context,
        ChangeCaseStatusHandler handler,
        CancellationToken cancellationToken)
    {
        return await RunAsync(context, ["status", "note", "transition", "fields"], async (fields, version) =>
        {
            string? code = fields.String("status", required: false);
            string? transition = fields.String("transition", required: false);
            string? note = fields.String("note", required: false);
            Dictionary<string, string> values = fields.Strings("fields");
            CaseStatus? status = null;
            if (code is not null)
            {
                status = CaseStatusExtensions.TryParseCode(code, out CaseStatus parsed) ? parsed : null;
                if (status is null)
                {
                    fields.Add(new FieldError("status", "invalid", $"'{code}' is not a case status."));
                }
            }
            else if (transition is null && fields.Errors.Count == 0)
            {
                fields.Add(new FieldError("status", "required", "Send the transition to take, or the status."));
            }

            if (fields.Errors.Count > 0)
            {
                return new ValidationFailed(fields.Errors);
            }

            ChangeCaseStatus request = new(StaffClaims.Caller(context), id, version, status, note)
            {
                Transition = transition,
                Fields = values,
            };
            return await handler.HandleAsync(request, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// POST /api/v1/cases/{id}/notes with <c>{"text": "…", "visibility": "internal" | "public"}</c>.
    /// </summary>
    public static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> AddNoteAsync(
        Guid id,
        HttpContext context,
        AddCaseNoteHandler handler,
        CancellationToken cancellationToken)
    {
        return await RunAsync(context, ["text", "visibility"], async (fields, version) =>
        {
            string? text = fields.String("text", required: true);
            string visibility = fields.String("visibility", required: false) ?? "internal";
            if (!Enum.TryParse(visibility, ignoreCase: true, out EventVisibility chosen) || !Enum.IsDefined(chosen)
                || int.TryParse(visibility, out _))
            {
                fields.Add(new FieldError("visibility", "invalid", "Use internal or public."));
            }

            return fields.Errors.Count > 0
                ? new ValidationFailed(fields.Errors)
                : await handler.HandleAsync(
                    new AddCaseNote(StaffClaims.Caller(context), id, version, text, chosen), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// POST /api/v1/cases/{id}/routing with <c>{"department": "DOT", "queue": "…", "priority": 2, "reason": "…"}</c>:
    /// a supervisor's override. Omitted fields keep their value; <c>"priority": null</c> clears the priority.
    /// </summary>
    public static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> OverrideRoutingAsync(
        Guid id,
        HttpContext context,
        OverrideRoutingHandler handler,
        CancellationToken cancellationToken)
    {
        string[] known =
        [
            OverrideRoutingHandler.DepartmentField, OverrideRoutingHandler.QueueField,
            OverrideRoutingHandler.PriorityField, OverrideRoutingHandler.ReasonField,
        ];
        return await RunAsync(context, known, async (fields, version) =>
        {
            string? department = fields.String(OverrideRoutingHandler.DepartmentField, required: false);
            string? queue = fields.String(OverrideRoutingHandler.QueueField, required: false);
            int? priority = fields.IntegerOrNull(OverrideRoutingHandler.PriorityField, out bool changePriority);
            string? reason = fields.String(OverrideRoutingHandler.ReasonField, required: false);
            if (fields.Errors.Count > 0)
            {
                return new ValidationFailed(fields.Errors);
            }

            OverrideRouting request = new(
                StaffClaims.Caller(context), id, version, department, queue, changePriority, priority, reason);
            return await handler.HandleAsync(request, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> RunAsync(
        HttpContext context,
        string[] known,
        Func<JsonFields, int, Task<Result<CaseChanged>>> change,
        CancellationToken cancellationToken)
    {
        (IfMatchKind kind, int expected) = IfMatch.Read(context.Request);
        if (kind == IfMatchKind.Missing)
        {
            return ProblemResults.PreconditionRequired();
        }

        if (kind == IfMatchKind.Malformed)
        {
            return ProblemResults.Malformed(
                "If-Match", "If-Match must hold exactly one strong ETag from this API, such as \"3\".");
        }

        // A tag that never matches carries IfMatch.NoVersion, which the use case refuses as stale: 412 with
        // the case's current values, after the same scope check as any change (so an unseen case is 404).

        (JsonFields? fields, FieldError? unreadable) = await JsonFields.ReadAsync(context.Request, known,
            cancellationToken);
        if (fields is null)
        {
            return ProblemResults.Validation([unreadable!]);
        }

        Result<CaseChanged> result = await change(fields, expected);
        if (result.TryGetValue(out CaseChanged? changed, out Error? error))
        {
            context.Response.Headers.ETag = changed.ETag;
            return TypedResults.Json<object>(
                new { id = changed.CaseId, version = changed.Version, event_id = changed.EventId }, CaseResources.Json);
        }

        if (error is EditConflict conflict)
        {
            context.Response.Headers.ETag = IfMatch.ETagFor(conflict.CurrentVersion);
            return ProblemResults.PreconditionFailed(conflict);
        }

        return ProblemResults.From(error);
    }
}
