using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Cases.OverrideRouting;

/// <summary>
/// Changes a case's department, queue and/or priority by hand, with a mandatory reason. Only supervisors and
/// administrators may (they oversee queues; agents work what the queues give them). The case must be inside
/// the caller's scope (else 404, as everywhere); the target may be any department of the jurisdiction, since
/// correcting a wrong routing usually means sending the case elsewhere. The timeline event references the
/// latest automated routing decision, which it overrides.
/// </summary>
public sealed class OverrideRoutingHandler(
    CivicDeskDbContext db,
    CaseChanges changes,
    CatalogCache catalog,
    ILogger<OverrideRoutingHandler> logger)
{
    public const string DepartmentField = "department";
    public const string QueueField = "queue";
    public const string PriorityField = "priority";
    public const string ReasonField = "reason";
    public const int MaxReasonLength = 2000;

    public async Task<Result<CaseChanged>> HandleAsync(OverrideRouting request, CancellationToken cancellationToken)
    {
        if (Validate(request) is ValidationFailed invalid)
        {
            return invalid;
        }

        Result<CaseEdit> begun = await changes.BeginAsync(
            request.Caller, request.CaseId, request.ExpectedVersion, cancellationToken);
        if (!begun.TryGetValue(out CaseEdit? edit, out Error? error))
        {
            return error;
        }

        if (edit.Scope.Role is not (StaffRole.Supervisor or StaffRole.Administrator))
        {
            return new Forbidden("Only a supervisor or an administrator may override routing.");
        }

        Case target = edit.Case;
        DepartmentDirectory directory = await DepartmentDirectory.LoadAsync(
            db, catalog, target.JurisdictionId, cancellationToken);
        DepartmentEntry? current = directory.ById(target.DepartmentId);
        DepartmentEntry? department = request.DepartmentCode is null
            ? current
            : directory.ByCode(request.DepartmentCode.Trim());
        if (department is null)
        {
            return ValidationFailed.Single(
                DepartmentField, "not_found", "No department of this jurisdiction has this code.");
        }

        QueueEntry? queue = request.QueueCode is string queueCode
            ? department.Queue(queueCode.Trim())
            : department.Id == target.DepartmentId ? department.Queue(target.QueueId) : department.DefaultQueue;
        if (queue is null)
        {
            return ValidationFailed.Single(QueueField, "unknown", "The department has no queue with this code.");
        }

        int? priority = request.ChangePriority ? request.Priority : target.Priority;
        if (department.Id == target.DepartmentId && queue.Id == target.QueueId && priority == target.Priority)
        {
            return ValidationFailed.Single(DepartmentField, "unchanged",
                "Change the department, the queue or the priority.");
        }

        Guid? decision = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == target.Id && e.Kind == CaseEventKind.Routed)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        RoutingPlacement from = new(current?.Code ?? string.Empty,
            current?.Queue(target.QueueId)?.Code ?? string.Empty, target.Priority);
        RoutingPlacement to = new(department.Code, queue.Code, priority);
        bool clearsAssignee = department.Id != target.DepartmentId && target.AssigneeId is not null;
        string reason = request.Reason!.Trim();
        CaseEvent changed = target.OverrideRouting(
            department.Id, queue.Id, priority, reason, RoutingOverrideView.Write(from, to, clearsAssignee),
            decision, edit.Scope.Actor, changes.NewId(), edit.Now);
        var detail = new
        {
            from = new { from.Department, from.Queue, from.Priority },
            to = new { to.Department, to.Queue, to.Priority },
            overrides = decision,
            assignee_cleared = clearsAssignee,
            version = target.Version,
        };
        Result<CaseChanged> committed = await changes.CommitAsync(
            edit, changed, "case.routing_overridden", detail, cancellationToken);
        if (committed.IsSuccess)
        {
            Log.RoutingOverridden(logger, target.Id);
        }

        return committed;
    }

    private static ValidationFailed? Validate(OverrideRouting request)
    {
        List<FieldError> errors = [];
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new FieldError(ReasonField, "required", "Give the reason for the override."));
        }
        else if (request.Reason.Trim().Length > MaxReasonLength)
        {
            errors.Add(new FieldError(ReasonField, "too_long",
                $"The reason may hold at most {MaxReasonLength} characters."));
        }
        else if (TextCharacters.Check(ReasonField, request.Reason) is FieldError unreadable)
        {
            errors.Add(unreadable);
        }

        if (request.DepartmentCode is not null && (request.DepartmentCode.Length > 100
            || TextCharacters.Check(DepartmentField, request.DepartmentCode) is not null))
        {
            errors.Add(new FieldError(DepartmentField, "invalid", "Not a department code."));
        }

        if (request.QueueCode is not null && (request.QueueCode.Length > 100
            || TextCharacters.Check(QueueField, request.QueueCode) is not null))
        {
            errors.Add(new FieldError(QueueField, "invalid", "Not a queue code."));
        }

        if (request.ChangePriority && request.Priority is int level && !CasePriority.IsValid(level))
        {
            errors.Add(new FieldError(PriorityField, "out_of_range",
                $"The priority is a whole number from {CasePriority.Highest} to {CasePriority.Lowest}."));
        }

        return errors.Count > 0 ? new ValidationFailed(errors) : null;
    }
}
