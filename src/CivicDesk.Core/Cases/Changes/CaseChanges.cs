using System.Globalization;
using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Core.Cases.Changes;

/// <summary>
/// The steps every staff action on a case shares: find the case inside the caller's scope, refuse it when
/// it changed since the version the caller saw, and save the change, its timeline event and its audit
/// entry in one SaveChanges (one transaction). A race between read and save is caught by the concurrency
/// token on <see cref="Case.Version"/> and answered like any other conflict.
/// </summary>
public sealed class CaseChanges(CivicDeskDbContext db, StaffScopes scopes, TimeProvider time)
{
    public async Task<Result<CaseEdit>> BeginAsync(
        StaffCaller caller,
        Guid caseId,
        int expectedVersion,
        CancellationToken cancellationToken)
    {
        StaffScope? scope = await scopes.ForAsync(caller, cancellationToken);
        if (scope is null)
        {
            return new NotFound("Case");
        }

        Case? found = await scope.Cases(db.Cases).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is null)
        {
            return new NotFound("Case");
        }

        if (found.Version != expectedVersion)
        {
            return await ConflictAsync(caseId, cancellationToken);
        }

        return new CaseEdit(scope, found, time.GetCurrentInstant());
    }

    /// <summary>Appends <paramref name="change"/> and its audit entry and commits them with the case.</summary>
    public async Task<Result<CaseChanged>> CommitAsync(
        CaseEdit edit,
        CaseEvent change,
        string action,
        object detail,
        CancellationToken cancellationToken)
    {
        db.CaseEvents.Add(change);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), edit.Now, edit.Scope.Actor, action, "case", edit.Case.Id)
        {
            Detail = JsonSerializer.Serialize(detail),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(edit.Case.Id, cancellationToken);
        }

        return new CaseChanged(edit.Case.Id, edit.Case.Version, change.Id);
    }

    public Guid NewId() => time.NewId();

    /// <summary>
    /// Puts messages in the outbox, to be committed with the change by <see cref="CommitAsync"/> (and dropped with
    /// it on a conflict).
    /// </summary>
    public void Enqueue(IEnumerable<OutboxNotification> notifications) => db.Notifications.AddRange(notifications);

    /// <summary>The case's values now, to show next to what the caller typed.</summary>
    public async Task<Error> ConflictAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Case? current = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (current is null)
        {
            return new NotFound("Case");
        }

        string? assignee = current.AssigneeId is Guid assigneeId
            ? await db.StaffUsers.Where(u => u.Id == assigneeId).Select(u => u.DisplayName)
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        CaseEvent? last = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        string? lastBy = last?.ActorId is Guid actorId
            ? await db.StaffUsers.Where(u => u.Id == actorId).Select(u => u.DisplayName)
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        Dictionary<string, object?> values = new(StringComparer.Ordinal)
        {
            ["status"] = current.Status.ToCode(),
            ["assignee_id"] = current.AssigneeId,
            ["assignee"] = assignee,
            ["status_note"] = current.StatusNote,
            ["department_id"] = current.DepartmentId,
            ["queue_id"] = current.QueueId,
            ["priority"] = current.Priority,
            ["updated_at"] = current.UpdatedAt,
            ["last_change"] = last?.Kind.ToString(),
            ["last_change_by"] = last?.ActorLabel,

            // The colleague's name as people see it; the label (a user name, "import:…") when there is none.
            ["last_change_by_name"] = lastBy ?? last?.ActorLabel,
            ["last_note"] = last?.Kind == CaseEventKind.NoteAdded ? last.Text : null,
        };
        return new EditConflict(current.Version, values);
    }
}

/// <summary>A case loaded for a change, with the caller's scope and the moment of the change.</summary>
public sealed record CaseEdit(StaffScope Scope, Case Case, Instant Now);

/// <summary>A committed change: the case's new version and the timeline event that records it.</summary>
public sealed record CaseChanged(Guid CaseId, int Version, Guid EventId)
{
    public string ETag => $"\"{Version.ToString(CultureInfo.InvariantCulture)}\"";
}
