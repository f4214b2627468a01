using System.ComponentModel.DataAnnotations;

namespace CivicDesk.Core.Identity;

/// <summary>
/// How long staff passwords must be, how they are hashed, and how sign-in failures are held back. Bound to
/// <c>Identity</c>.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>PBKDF2-SHA256 rounds for new hashes; OWASP's 2023 advice is at least 600,000.</summary>
    [Range(1, int.MaxValue)]
    public int PasswordIterations { get; set; } = 600_000;

    /// <summary>The fewest characters a password a person chooses may have.</summary>
    [Range(8, StaffNames.MaxPasswordLength)]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>Consecutive failed sign-ins after which the account locks.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
}
