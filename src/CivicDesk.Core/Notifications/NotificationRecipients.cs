namespace CivicDesk.Core.Notifications;

/// <summary>The recipient kinds of <see cref="OutboxNotification.RecipientKind"/>.</summary>
public static class NotificationRecipients
{
    public const string Resident = "resident";

    public const string Assignee = "assignee";

    public const string Role = "role";
}
