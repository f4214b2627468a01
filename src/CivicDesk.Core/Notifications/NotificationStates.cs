namespace CivicDesk.Core.Notifications;

/// <summary>Where an outbox notification stands; stored as these lower-case words.</summary>
public static class NotificationStates
{
    /// <summary>Waiting to be sent, or to be tried again after a failed attempt.</summary>
    public const string Pending = "pending";

    /// <summary>Accepted by the mail server.</summary>
    public const string Sent = "sent";

    /// <summary>Given up: a permanent failure, or too many failed attempts. Needs an operator.</summary>
    public const string Failed = "failed";

    /// <summary>Nobody to send it to (no contact, no staff address); the reason is recorded.</summary>
    public const string Skipped = "skipped";
}
