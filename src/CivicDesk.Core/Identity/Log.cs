using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Identity;

/// <summary>Log messages of the Identity feature; event ids 2000–2999. Never a secret, never a password.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "API key {KeyId} issued with prefix {Prefix}")]
    public static partial void ApiKeyIssued(ILogger logger, Guid keyId, string prefix);

    [LoggerMessage(2002, LogLevel.Information, "API key {KeyId} revoked")]
    public static partial void ApiKeyRevoked(ILogger logger, Guid keyId);

    [LoggerMessage(2003, LogLevel.Information, "API key refused: {Reason}")]
    public static partial void ApiKeyRefused(ILogger logger, string reason);
}
