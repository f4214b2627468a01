using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Notifications.SendNotifications;

/// <summary>
/// Who an outbox row goes to, looked up when it is sent: the resident's address from the case's contact, the
/// assignee's or the role members' work addresses, each with the language to write in (the row's for the resident,
/// each member of staff's own). None is a reason to skip, never an error.
/// </summary>
public sealed class NotificationAddresses(CivicDeskDbContext db)
{
    public async Task<NotificationRecipientsFound> FindAsync(
        OutboxNotification row,
        Guid departmentId,
        CancellationToken cancellationToken)
    {
        switch (row.RecipientKind)
        {
            case NotificationRecipients.Resident:
                string? email = await db.CaseContacts.AsNoTracking()
                    .Where(c => c.CaseId == row.CaseId)
                    .Select(c => c.Email)
                    .SingleOrDefaultAsync(cancellationToken);
                return Found(email is null ? [] : [new(email, row.Language)], "no_resident_email");
            case NotificationRecipients.Assignee when row.RecipientUserId is Guid userId:
                List<NotificationAddress> assignee = await db.StaffUsers.AsNoTracking()
                    .Where(u => u.Id == userId && u.IsActive && u.Email != null)
                    .Select(u => new NotificationAddress(u.Email!, u.Language))
                    .ToListAsync(cancellationToken);
                return Found(assignee, "no_staff_email");
            case NotificationRecipients.Assignee:
                return new NotificationRecipientsFound([], "no_assignee");
            case NotificationRecipients.Role
                when Enum.TryParse(row.Role, ignoreCase: true, out StaffRole role) && Enum.IsDefined(role):
                List<NotificationAddress> members = await db.StaffUsers.AsNoTracking()
                    .Where(u => u.IsActive && u.Role == role && u.Email != null
                        && u.Memberships.Any(m => m.DepartmentId == departmentId))
                    .OrderBy(u => u.UserName)
                    .Select(u => new NotificationAddress(u.Email!, u.Language))
                    .ToListAsync(cancellationToken);
                return Found(members, "no_staff_email");
            default:
                return new NotificationRecipientsFound([], "unknown_recipient");
        }
    }

    private static NotificationRecipientsFound Found(List<NotificationAddress> addresses, string reasonIfNone) =>
        new(addresses, addresses.Count == 0 ? reasonIfNone : null);
}

/// <summary>The addresses found, or why there are none (a fixed code, safe to log and store).</summary>
public sealed record NotificationRecipientsFound(IReadOnlyList<NotificationAddress> Recipients, string? SkipReason);

/// <summary>One address and the language its message is written in.</summary>
public sealed record NotificationAddress(string Address, string Language);
