using System.ComponentModel.DataAnnotations;

namespace CivicDesk.Web.Workspace;

/// <summary>
/// How many sign-in attempts one client address may make per window. Bound to <c>Workspace:SignInLimit</c>.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string SectionName = "Workspace:SignInLimit";

    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
