using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Identity.AddStaffUser;

/// <summary>Creates a staff user with a hashed password and department memberships, audited in one save.</summary>
public sealed class AddStaffUserHandler(
    CivicDeskDbContext db,
    PasswordHasher hasher,
    PasswordPolicy passwords,
    TimeProvider time,
    ILogger<AddStaffUserHandler> logger)
{
    public async Task<Result<StaffUserAdded>> HandleAsync(
        AddStaffUser request,
        Actor actor,
        CancellationToken cancellationToken)
    {
        List<FieldError> errors = [];
        string userName = StaffNames.Normalize(request.UserName);
        string displayName = request.DisplayName.Trim();
        AddIfAny(errors, StaffNames.CheckUserName(userName, "username"));
        if (displayName.Length is 0 or > StaffNames.MaxDisplayNameLength)
        {
            errors.Add(new FieldError("name", "length", "A name has 1 to 200 characters."));
        }

        if (request.Role != StaffRole.Administrator && request.DepartmentCodes.Count == 0)
        {
            errors.Add(new FieldError("department", "required", "Agents and supervisors belong to a department."));
        }

        if (request.TimeZoneId is string zone && !StaffTimeZones.IsKnown(zone))
        {
            errors.Add(new FieldError(
                "time_zone", "unknown", "No time zone of the tz database has this id, such as America/Chicago."));
        }

        if (StaffEmails.Normalize(request.Email) is string email && !StaffEmails.IsValid(email))
        {
            errors.Add(new FieldError("email", "invalid", "An email address looks like name@agency.gov."));
        }

        if (StaffLanguages.Normalise(request.Language) is string language && !StaffLanguages.IsSupported(language))
        {
            errors.Add(new FieldError(StaffLanguages.Field, "unsupported", "Choose en or es."));
        }

        if (request.Password is not null)
        {
            AddIfAny(errors, passwords.Check(request.Password, "password", userName));
        }

        Jurisdiction? jurisdiction = await FindJurisdictionAsync(request.JurisdictionCode, errors, cancellationToken);
        List<Department> departments = jurisdiction is null
            ? []
            : await FindDepartmentsAsync(jurisdiction.Id, request.DepartmentCodes, errors, cancellationToken);
        if (errors.Count == 0 && await db.StaffUsers.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            errors.Add(new FieldError("username", "taken", "Another staff user has this user name."));
        }

        if (errors.Count > 0 || jurisdiction is null)
        {
            return new ValidationFailed(errors);
        }

        return await StoreAsync(request, actor, userName, displayName, jurisdiction.Id, departments, cancellationToken);
    }

    private async Task<StaffUserAdded> StoreAsync(
        AddStaffUser request,
        Actor actor,
        string userName,
        string displayName,
        Guid jurisdictionId,
        List<Department> departments,
        CancellationToken cancellationToken)
    {
        string? oneTime = request.Password is null ? OneTimePasswords.New() : null;
        Instant now = time.GetCurrentInstant();
        StaffUser user = new(
            time.NewId(), jurisdictionId, userName, displayName, request.Role,
            hasher.Hash(request.Password ?? oneTime!), now);
        if (oneTime is not null)
        {
            user.RequirePasswordChange();
        }

        foreach (Department department in departments)
        {
            user.JoinDepartment(department.Id);
        }

        user.ChooseTimeZone(request.TimeZoneId);
        user.ChangeEmail(StaffEmails.Normalize(request.Email));
        user.ChooseLanguage(StaffLanguages.Normalise(request.Language) ?? StaffLanguages.Default);

        db.StaffUsers.Add(user);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, actor, "staff.user_added", "staff_user", user.Id)
        {
            Detail = JsonSerializer.Serialize(new
            {
                role = request.Role.ToString(),
                departments = departments.Select(d => d.Code).ToArray(),
                oneTimePassword = oneTime is not null,
                timeZone = request.TimeZoneId,
                email = user.Email is not null,
                language = user.Language,
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.StaffUserAdded(logger, user.Id, user.Role);
        return new StaffUserAdded(user.Id, user.UserName, oneTime);
    }

    private async Task<Jurisdiction?> FindJurisdictionAsync(
        string? code,
        List<FieldError> errors,
        CancellationToken cancellationToken)
    {
        List<Jurisdiction> found = await db.Jurisdictions.AsNoTracking()
            .Where(j => code == null || j.Code == code)
            .Take(2)
            .ToListAsync(cancellationToken);
        if (found.Count == 1)
        {
            return found[0];
        }

        errors.Add(found.Count == 0
            ? new FieldError("jurisdiction", "not_found", "No jurisdiction has this code; seed or migrate first.")
            : new FieldError("jurisdiction", "required", "Several jurisdictions exist; name one."));
        return null;
    }

    private async Task<List<Department>> FindDepartmentsAsync(
        Guid jurisdictionId,
        IReadOnlyList<string> codes,
        List<FieldError> errors,
        CancellationToken cancellationToken)
    {
        string[] wanted = codes.Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        List<Department> found = await db.Departments.AsNoTracking()
            .Where(d => d.JurisdictionId == jurisdictionId && wanted.Contains(d.Code))
            .ToListAsync(cancellationToken);
        foreach (string missing in wanted.Where(w => found.All(d => d.Code != w)))
        {
            errors.Add(new FieldError("department", "not_found", $"No department has the code '{missing}'."));
        }

        return found;
    }

    private static void AddIfAny(List<FieldError> errors, FieldError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
