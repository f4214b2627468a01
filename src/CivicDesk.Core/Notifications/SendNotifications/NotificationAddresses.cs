using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Notifications.SendNotifications;

/// <summary>
/// Who an outbox row goes to, looked up when it is sent: the resident's address from the case's contact, the
/// assignee's or the role members' work addresses. None is a reason to skip, never an error.
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
                return Found(email is null ? [] : [email], "no_resident_email");
            case NotificationRecipients.Assignee when row.RecipientUserId is Guid userId:
                List<string> assignee = await db.StaffUsers.AsNoTracking()
                    .Where(u => u.Id == userId && u.IsActive && u.Email != null)
                    .Select(u => u.Email!)
                    .ToListAsync(cancellationToken);
                return Found(assignee, "no_staff_email");
            case NotificationRecipients.Assignee:
                return new NotificationRecipientsFound([], "no_assignee");
            case NotificationRecipients.Role
                when Enum.TryParse(row.Role, ignoreCase: true, out StaffRole role) && Enum.IsDefined(role):
                List<string> members = await db.StaffUsers.AsNoTracking()
                    .Where(u => u.IsActive && u.Role == role && u.Email != null
                        && u.Memberships.Any(m => m.DepartmentId == departmentId))
                    .OrderBy(u => u.UserName)
                    .Select(u => u.Email!)
                    .ToListAsync(cancellationToken);
                return Found(members, "no_staff_email");
            default:
                return new NotificationRecipientsFound([], "unknown_recipient");
        }
    }

    private static NotificationRecipientsFound Found(List<string> addresses, string reasonIfNone) =>
        new(addresses, addresses.Count == 0 ? reasonIfNone : null);
}

/// <summary>The addresses found, or why there are none (a fixed code, safe to log and store).</summary>
public sealed record NotificationRecipientsFound(IReadOnlyList<string> Addresses, string? SkipReason);
