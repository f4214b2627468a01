using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Cases.ReadCaseContact;

/// <summary>The resident's contact details as staff see them; every part may be missing.</summary>
public sealed record ContactDetails(string? FirstName, string? LastName, string? Email, string? PhoneE164)
{
    public bool IsEmpty => FirstName is null && LastName is null && Email is null && PhoneE164 is null;
}

/// <summary>
/// Shows a case's contact details to a member of staff who asks for them. Personal data is read only
/// through this action, and each read is written to the audit trail (<c>case.contact.read</c>).
/// </summary>
public sealed class ReadCaseContactHandler(CivicDeskDbContext db, StaffScopes scopes, TimeProvider time)
{
    public async Task<Result<ContactDetails>> HandleAsync(
        StaffCaller caller,
        Guid caseId,
        CancellationToken cancellationToken)
    {
        StaffScope? scope = await scopes.ForAsync(caller, cancellationToken);
        bool visible = scope is not null
            && await scope.Cases(db.Cases).AnyAsync(c => c.Id == caseId, cancellationToken);
        if (scope is null || !visible)
        {
            return new NotFound("Case");
        }

        CaseContact? contact = await db.CaseContacts.AsNoTracking()
            .SingleOrDefaultAsync(c => c.CaseId == caseId, cancellationToken);
        db.AuditEntries.Add(new AuditEntry(
            time.NewId(), time.GetCurrentInstant(), scope.Actor, "case.contact.read", "case", caseId)
        {
            Detail = JsonSerializer.Serialize(new { found = contact is not null }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return contact is null
            ? new ContactDetails(null, null, null, null)
            : new ContactDetails(contact.FirstName, contact.LastName, contact.Email, contact.PhoneE164);
    }
}
