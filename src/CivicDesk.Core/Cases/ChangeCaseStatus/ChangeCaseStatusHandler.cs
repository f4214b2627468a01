using System.Text.Json;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Notifications;
using CivicDesk.Core.Sla;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Cases.ChangeCaseStatus;

/// <summary>
/// Changes a case's status; closing states stamp the closing time, reopening clears it. The case's SLA timers
/// follow in the same commit (closing cancels them, putting on hold or resuming moves them).
/// A case pinned to a case type moves only by one of its transitions, checked by <see cref="CaseTransitions"/>
/// with the caller's roles (<see cref="StaffRoleExtensions.Held"/>) and the fields given, which the timeline
/// event keeps, and the notifications it names are put in the outbox (<see cref="OutboxNotification"/>) in the
/// same commit. An unpinned case (imported history, cases from before case types) may move to any status but new.
/// </summary>
public sealed class ChangeCaseStatusHandler(
    CaseChanges changes,
    SlaTimerScheduler timers,
    CaseTransitions transitions,
    ILogger<ChangeCaseStatusHandler> logger)
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

        if (TextCharacters.Check("note", note) is FieldError unreadable)
        {
            return new ValidationFailed([unreadable]);
        }

        Result<CaseEdit> begun = await changes.BeginAsync(
            request.Caller, request.CaseId, request.ExpectedVersion, cancellationToken);
        if (!begun.TryGetValue(out CaseEdit? edit, out Error? error))
        {
            return error;
        }

        CaseStatus from = edit.Case.Status;
        CaseWork? work = await transitions.ForAsync(edit.Case, edit.Now, cancellationToken);
        Result<StatusMove> move = work is null ? Unpinned(request, from) : Pinned(request, edit, work);
        if (!move.TryGetValue(out StatusMove? chosen, out Error? refused))
        {
            return refused;
        }

        CaseEvent changed = edit.Case.ChangeStatus(chosen.To, note, edit.Scope.Actor, changes.NewId(), edit.Now);
        changed.Data = chosen.Data;
        if (chosen.Transition is { } step)
        {
            // The transition's notify: entries go to the outbox in this change's transaction; a sender delivers them.
            changes.Enqueue(step.Transition.Notifications.Select(n => new OutboxNotification(
                changes.NewId(), edit.Case.Id, edit.Case.Language, n, edit.Case.AssigneeId,
                "transition:" + step.Transition.Id, edit.Now)));
        }

        await timers.ScheduleAsync(edit.Case, changed, cancellationToken);
        var detail = new
        {
            from = from.ToCode(),
            to = chosen.To.ToCode(),
            transition = chosen.Transition?.Transition.Id,
            roles = chosen.Transition is null ? null : edit.Scope.Role.Held(),
            fields = chosen.Transition?.Fields.Keys,
            publicNote = note is not null,
            version = edit.Case.Version,
        };
        Result<CaseChanged> committed =
            await changes.CommitAsync(edit, changed, "case.status_changed", detail, cancellationToken);
        if (committed.IsSuccess && chosen.Transition is { } taken)
        {
            Log.TransitionTaken(logger, taken.Transition.Id, edit.Case.Id, taken.Fields.Count);
        }

        return committed;
    }

    private static Result<StatusMove> Unpinned(ChangeCaseStatus request, CaseStatus from)
    {
        if (request.Transition is not null || request.Fields.Count > 0)
        {
            return ValidationFailed.Single(
                request.Transition is not null ? "transition" : "fields",
                "not_pinned",
                "This case is not worked by a case type; send only the status.");
        }

        if (request.Status is not CaseStatus to)
        {
            return ValidationFailed.Single("status", "required", "Choose a status.");
        }

        if (!NextStatuses(from).Contains(to))
        {
            return ValidationFailed.Single(
                "status",
                to == from ? "unchanged" : "not_allowed",
                $"A case that is {from.ToCode()} cannot move to {to.ToCode()}.");
        }

        return new StatusMove(to, null);
    }

    private static Result<StatusMove> Pinned(ChangeCaseStatus request, CaseEdit edit, CaseWork work)
    {
        TransitionAsked asked = new(request.Transition, request.Status, request.Fields);
        Result<ChosenTransition> chosen =
            CaseTransitions.Choose(work, edit.Case.Status, asked, edit.Scope.Role.Held());
        return chosen.TryGetValue(out ChosenTransition? transition, out Error? refused)
            ? new StatusMove(transition.To, transition)
            : refused;
    }

    /// <summary>Where the case goes, and the transition that takes it there for a pinned case.</summary>
    private sealed record StatusMove(CaseStatus To, ChosenTransition? Transition)
    {
        public string? Data => Transition is null ? null : JsonSerializer.Serialize(new TransitionRecord(
            Transition.Transition.Id, Transition.Fields));
    }
}
