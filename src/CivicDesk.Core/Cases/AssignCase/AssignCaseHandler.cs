using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Cases.AssignCase;

/// <summary>
/// Assigns a case to the caller, to an active member of the case's department, or to nobody. Agents may
/// take an unassigned case or release their own, never a case a colleague holds; supervisors and
/// administrators may also hand any case to others.
/// </summary>
public sealed class AssignCaseHandler(CivicDeskDbContext db, CaseChanges changes)
{
    public const string Field = "assignee_id";

    public const string HeldByAnother =
        "This case is assigned to someone else; only a supervisor or an administrator may reassign it.";

    public async Task<Result<CaseChanged>> HandleAsync(AssignCase request, CancellationToken cancellationToken)
    {
        Result<CaseEdit> begun = await changes.BeginAsync(
            request.Caller, request.CaseId, request.ExpectedVersion, cancellationToken);
        if (!begun.TryGetValue(out CaseEdit? edit, out Error? error))
        {
            return error;
        }

        Case target = edit.Case;
        if (target.AssigneeId == request.AssigneeId)
        {
            return ValidationFailed.Single(Field, "unchanged", "The case already has this assignee.");
        }

        // An agent takes unassigned cases and releases his or her own; a case a colleague holds is moved only by
        // a supervisor, who can see why it was given to that person.
        if (!edit.Scope.MayAssignOthers && target.AssigneeId is Guid holder && holder != edit.Scope.UserId)
        {
            return new Forbidden(HeldByAnother);
        }

        IReadOnlyList<Guid> allowed = await AssignmentChoices.ForAsync(db, edit.Scope, target, cancellationToken);
        bool permitted = request.AssigneeId is Guid assignee
            ? allowed.Contains(assignee)
            : edit.Scope.MayAssignOthers || target.AssigneeId == edit.Scope.UserId;
        if (!permitted)
        {
            return request.AssigneeId is null || request.AssigneeId == edit.Scope.UserId
                ? new Forbidden("You may not change this case's assignee.")
                : ValidationFailed.Single(Field, "not_allowed",
                    "Choose yourself or a member of the case's department.");
        }

        Guid? previous = target.AssigneeId;
        CaseEvent assigned = target.Assign(request.AssigneeId, edit.Scope.Actor, changes.NewId(), edit.Now);
        var detail = new { from = previous, to = request.AssigneeId, version = target.Version };
        return await changes.CommitAsync(edit, assigned, "case.assigned", detail, cancellationToken);
    }
}
