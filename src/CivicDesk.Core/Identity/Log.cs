using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Identity;

/// <summary>Log messages of the Identity feature; event ids 2000–2999. Ids only: no names, passwords or secrets.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Staff user {UserId} created with role {Role}")]
    public static partial void StaffUserAdded(ILogger logger, Guid userId, StaffRole role);

    [LoggerMessage(2002, LogLevel.Information, "Staff user {UserId} signed in")]
    public static partial void SignedIn(ILogger logger, Guid userId);

    [LoggerMessage(2003, LogLevel.Warning, "Sign-in refused for user {UserId}: {Reason}")]
    public static partial void SignInRefused(ILogger logger, Guid? userId, string reason);

    [LoggerMessage(2004, LogLevel.Warning, "Staff user {UserId} locked after repeated sign-in failures")]
    public static partial void AccountLocked(ILogger logger, Guid userId);

    [LoggerMessage(2005, LogLevel.Information, "Staff user {UserId} changed the password")]
    public static partial void PasswordChanged(ILogger logger, Guid userId);

    [LoggerMessage(2006, LogLevel.Information, "First administrator {UserId} created with a one-time password")]
    public static partial void FirstAdministratorCreated(ILogger logger, Guid userId);

    [LoggerMessage(2007, LogLevel.Information, "Staff user {UserId} signed out, ending every session of the user")]
    public static partial void SignedOut(ILogger logger, Guid userId);

    [LoggerMessage(2008, LogLevel.Information, "Staff user {UserId} deactivated, ending every session of the user")]
    public static partial void StaffUserDeactivated(ILogger logger, Guid userId);

    [LoggerMessage(2009, LogLevel.Information, "Session of staff user {UserId} refused: {Reason}")]
    public static partial void SessionRefused(ILogger logger, Guid userId, string reason);

    [LoggerMessage(2010, LogLevel.Warning, "Password change refused for user {UserId}: {Reason}")]
    public static partial void PasswordChangeRefused(ILogger logger, Guid userId, string reason);

    [LoggerMessage(2011, LogLevel.Information, "Staff user {UserId} changed his or her settings")]
    public static partial void SettingsChanged(ILogger logger, Guid userId);

    [LoggerMessage(2012, LogLevel.Information, "Password of staff user {UserId} reset, to be changed at next sign-in")]
    public static partial void PasswordReset(ILogger logger, Guid userId);

    [LoggerMessage(2013, LogLevel.Information, "Staff user {UserId} reactivated")]
    public static partial void StaffUserReactivated(ILogger logger, Guid userId);

    [LoggerMessage(
        2014, LogLevel.Information, "Staff user {UserId} now has role {Role} and {Departments} department(s)")]
    public static partial void StaffAccessChanged(ILogger logger, Guid userId, StaffRole role, int departments);

    [LoggerMessage(2101, LogLevel.Information, "API key {KeyId} issued with prefix {Prefix}")]
    public static partial void ApiKeyIssued(ILogger logger, Guid keyId, string prefix);

    [LoggerMessage(2102, LogLevel.Information, "API key {KeyId} revoked")]
    public static partial void ApiKeyRevoked(ILogger logger, Guid keyId);

    [LoggerMessage(2103, LogLevel.Information, "API key refused: {Reason}")]
    public static partial void ApiKeyRefused(ILogger logger, string reason);
}
