using System.Security.Cryptography;
using NodaTime;

namespace CivicDesk.Core.Identity;

/// <summary>A member of staff who signs in to the workspace.</summary>
public sealed class StaffUser
{
    private readonly List<StaffMembership> _memberships = [];

    private StaffUser()
    {
        UserName = string.Empty;
        DisplayName = string.Empty;
        PasswordHash = string.Empty;
        SecurityStamp = string.Empty;
        Language = StaffLanguages.Default;
    }

    public StaffUser(
        Guid id,
        Guid jurisdictionId,
        string userName,
        string displayName,
        StaffRole role,
        string passwordHash,
        Instant createdAt)
    {
        Id = id;
        JurisdictionId = jurisdictionId;
        UserName = userName;
        DisplayName = displayName;
        Role = role;
        PasswordHash = passwordHash;
        CreatedAt = createdAt;
        IsActive = true;
        SecurityStamp = NewSecurityStamp();
        Language = StaffLanguages.Default;
    }

    public Guid Id { get; private set; }

    /// <summary>The jurisdiction whose cases the user works; an administrator sees all of its departments.</summary>
    public Guid JurisdictionId { get; private set; }

    /// <summary>Lower-case sign-in name; unique.</summary>
    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public StaffRole Role { get; private set; }

    public string PasswordHash { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Set for a password the system generated; the user is asked to choose a new one.</summary>
    public bool MustChangePassword { get; private set; }

    public int FailedSignIns { get; private set; }

    public Instant? LockedUntil { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>
    /// The IANA (tzdb) zone the workspace shows times in for this user; null for the jurisdiction's zone.
    /// </summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>Where case notifications for the user go (assignee, role); null: the user gets none by mail.</summary>
    public string? Email { get; private set; }

    /// <summary>The language the user's notifications are written in (<see cref="StaffLanguages"/>).</summary>
    public string Language { get; private set; }

    /// <summary>
    /// A random value every session of the user carries from its sign-in. It changes when the password
    /// changes, when the account is deactivated and when the user signs out, and a session whose value
    /// differs is refused: so each of these ends every session of the user, on every device.
    /// </summary>
    public string SecurityStamp { get; private set; }

    public IReadOnlyList<StaffMembership> Memberships => _memberships;

    public void JoinDepartment(Guid departmentId)
    {
        if (_memberships.All(m => m.DepartmentId != departmentId))
        {
            _memberships.Add(new StaffMembership(Id, departmentId));
        }
    }

    public void RequirePasswordChange() => MustChangePassword = true;

    /// <summary>Sets the zone times are shown in; null means the jurisdiction's. The caller checks the id.</summary>
    public void ChooseTimeZone(string? timeZoneId) => TimeZoneId = timeZoneId;

    /// <summary>Sets the notification address; null removes it. <see cref="StaffEmails"/> checks it.</summary>
    public void ChangeEmail(string? email) => Email = email;

    /// <summary>Sets the language of the user's notifications. The caller checks it is supported.</summary>
    public void ChooseLanguage(string language) => Language = language;

    public void SetPassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        MustChangePassword = false;
        EndSessions();
    }

    /// <summary>Replaces the hash of the same password with a stronger one; the password itself is unchanged.</summary>
    public void UpgradePasswordHash(string passwordHash) => PasswordHash = passwordHash;

    public bool IsLockedAt(Instant now) => LockedUntil is Instant until && until > now;

    /// <summary>
    /// Counts a failed sign-in; after <paramref name="limit"/> in a row the account locks for a while.
    /// </summary>
    public void RecordFailedSignIn(Instant now, int limit, Duration lockout)
    {
        FailedSignIns++;
        if (FailedSignIns >= limit)
        {
            LockedUntil = now + lockout;
            FailedSignIns = 0;
        }
    }

    public void RecordSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>
    /// A password an administrator set (or the system generated) for the user: it must be replaced at the next
    /// sign-in, every open session ends and a lock from failed sign-ins is lifted.
    /// </summary>
    public void ResetPassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        MustChangePassword = true;
        RecordSignIn();
        EndSessions();
    }

    /// <summary>Opens a deactivated account again; sessions ended by the deactivation stay ended.</summary>
    public void Reactivate()
    {
        IsActive = true;
        RecordSignIn();
    }

    /// <summary>Sessions carry the role they began with, so changing it ends every session of the user.</summary>
    public void ChangeRole(StaffRole role)
    {
        Role = role;
        EndSessions();
    }

    /// <summary>Leaves every department not in <paramref name="kept"/>; <see cref="JoinDepartment"/> joins.</summary>
    public void LeaveDepartmentsExcept(IReadOnlyCollection<Guid> kept) =>
        _memberships.RemoveAll(m => !kept.Contains(m.DepartmentId));

    public void Deactivate()
    {
        IsActive = false;
        EndSessions();
    }

    /// <summary>Ends every session of the user: the next request of each is refused.</summary>
    public void EndSessions() => SecurityStamp = NewSecurityStamp();

    private static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
