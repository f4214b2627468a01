namespace CivicDesk.Core.Cases;

/// <summary>
/// How to reach the resident who made a request. Personal data: kept apart from the case, never public,
/// and every read by staff is audited.
/// </summary>
public sealed class CaseContact
{
    private CaseContact()
    {
    }

    public CaseContact(Guid caseId, string? firstName, string? lastName, string? email, string? phoneE164)
    {
        CaseId = caseId;
        FirstName = firstName;
        LastName = lastName;
        Email = email;
        PhoneE164 = phoneE164;
    }

    public Guid CaseId { get; private set; }

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The phone number in E.164 form, such as <c>+12125550123</c>.</summary>
    public string? PhoneE164 { get; private set; }
}
