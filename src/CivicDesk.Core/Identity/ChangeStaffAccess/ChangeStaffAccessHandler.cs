using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Identity.ChangeStaffAccess;

/// <summary>
/// Changes what a staff user may do: the role (which ends the user's sessions, since they carry it) and the
/// departments (the scope is read on every request, so it applies at once). Audited as
/// <c>staff.user_access_changed</c> with the old and new values.
/// </summary>
public sealed class ChangeStaffAccessHandler(
    CivicDeskDbContext db,
    TimeProvider time,
    ILogger<ChangeStaffAccessHandler> logger)
{
    public async Task<Result<StaffAccessChanged>> HandleAsync(
        ChangeStaffAccess request,
        Actor actor,
        CancellationToken cancellationToken)
    {
        StaffUser? user = await StaffUserLookup.FindAsync(db, request.UserName, cancellationToken);
        if (user is null)
        {
            return StaffUserLookup.Unknown;
        }

        List<Department> all = await db.Departments.AsNoTracking()
            .Where(d => d.JurisdictionId == user.JurisdictionId).ToListAsync(cancellationToken);
        string[] before = CodesOf(user, all);
        string[] wanted = request.DepartmentCodes?.Select(c => c.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() ?? before;
        List<FieldError> errors = [.. wanted.Where(w => all.All(d => d.Code != w)).Select(missing =>
            new FieldError("department", "not_found", $"No department has the code '{missing}'."))];
        StaffRole role = request.Role ?? user.Role;
        if (role != StaffRole.Administrator && wanted.Length == 0)
        {
            errors.Add(new FieldError("department", "required", "Agents and supervisors belong to a department."));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        StaffRole previousRole = user.Role;
        Guid[] kept = all.Where(d => wanted.Contains(d.Code)).Select(d => d.Id).ToArray();
        user.LeaveDepartmentsExcept(kept);
        foreach (Guid departmentId in kept)
        {
            user.JoinDepartment(departmentId);
        }

        if (role != previousRole)
        {
            user.ChangeRole(role);
        }

        var detail = new { role = new { from = previousRole.ToString(), to = role.ToString() },
            departments = new { from = before, to = wanted } };
        db.AuditEntries.Add(new AuditEntry(
            time.NewId(), time.GetCurrentInstant(), actor, "staff.user_access_changed", "staff_user", user.Id)
        {
            Detail = JsonSerializer.Serialize(detail),
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.StaffAccessChanged(logger, user.Id, role, wanted.Length);
        return new StaffAccessChanged(user.UserName, role, wanted);
    }

    private static string[] CodesOf(StaffUser user, List<Department> departments) =>
        [.. departments.Where(d => user.Memberships.Any(m => m.DepartmentId == d.Id)).Select(d => d.Code)
            .Order(StringComparer.Ordinal)];
}
