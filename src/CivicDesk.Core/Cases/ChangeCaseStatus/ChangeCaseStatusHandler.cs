using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Sla;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>
/// Changes a case's status; closing states stamp the closing time, reopening clears it. The case's SLA timers
/// follow in the same commit (closing cancels them, putting on hold or resuming moves them).
/// </summary>
public sealed class ChangeCaseStatusHandler(CaseChanges changes, SlaTimerScheduler timers)
{
    public const int MaxNoteLength = 4000;

    /// <summary>
    /// The statuses a case may move to from <paramref name="current"/>: any other, except back to new.
    /// </summary>
    public static IReadOnlyList<CaseStatus> NextStatuses(CaseStatus current) =>
        Enum.GetValues<CaseStatus>().Where(s => s != current && s != CaseStatus.New).ToArray();

    public async Task<Result<CaseChanged>> HandleAsync(ChangeCaseStatus request, CancellationToken cancellationToken)
    {
        string? note = string.IsNullOrWhiteSpace(request.PublicNote) ? null : request.PublicNote.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return ValidationFailed.Single("note", "too_long", $"A note may hold at most {MaxNoteLength} characters.");
        }

        Result<CaseEdit> begun = await changes.BeginAsync(
            request.Caller, request.CaseId, request.ExpectedVersion, cancellationToken);
        if (!begun.TryGetValue(out CaseEdit? edit, out Error? error))
        {
            return error;
        }

        CaseStatus from = edit.Case.Status;
        if (!NextStatuses(from).Contains(request.Status))
        {
            return ValidationFailed.Single(
                "status",
                request.Status == from ? "unchanged" : "not_allowed",
                $"A case that is {from.ToCode()} cannot move to {request.Status.ToCode()}.");
        }

        CaseEvent changed = edit.Case.ChangeStatus(request.Status, note, edit.Scope.Actor, changes.NewId(), edit.Now);
        await timers.ScheduleAsync(edit.Case, changed, cancellationToken);
        var detail = new
        {
            from = from.ToCode(),
            to = request.Status.ToCode(),
            publicNote = note is not null,
            version = edit.Case.Version,
        };
        return await changes.CommitAsync(edit, changed, "case.status_changed", detail, cancellationToken);
    }
}
