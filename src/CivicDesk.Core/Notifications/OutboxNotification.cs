using CivicDesk.Core.Cases;
using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Notifications;

/// <summary>
/// A message to send about a case, written to the <c>notifications</c> outbox in the transaction of what caused
/// it (an escalation when an SLA timer fires, a transition that names <c>notify:</c>). Nothing here sends it: an
/// outbox sender (not built yet) will render <see cref="TemplateKey"/> in <see cref="Language"/> for the
/// recipient, set <see cref="SentAt"/> and count <see cref="Attempts"/>. Holds no personal data: the sender looks
/// the resident's contact up by case id.
/// </summary>
public sealed class OutboxNotification
{
    /// <summary>The language written when nothing on the case says another (cases record none yet).</summary>
    public const string DefaultLanguage = "en";

    private OutboxNotification()
    {
        RecipientKind = string.Empty;
        TemplateKey = string.Empty;
        Language = DefaultLanguage;
        Source = string.Empty;
    }

    internal OutboxNotification(
        Guid id,
        Guid caseId,
        Notification notification,
        Guid? assigneeId,
        string source,
        Instant now)
        : this()
    {
        ArgumentNullException.ThrowIfNull(notification);
        Id = id;
        CaseId = caseId;
        RecipientKind = KindOf(notification.To);
        Role = notification.To == Recipient.Role ? notification.Role : null;
        RecipientUserId = notification.To == Recipient.Assignee ? assigneeId : null;
        TemplateKey = notification.Template;
        Source = source;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>One of <see cref="NotificationRecipients"/>.</summary>
    public string RecipientKind { get; private set; }

    /// <summary>The staff role notified, for <see cref="NotificationRecipients.Role"/>; else null.</summary>
    public string? Role { get; private set; }

    /// <summary>
    /// For <see cref="NotificationRecipients.Assignee"/>, the case's assignee when the notification was written
    /// (an escalation may clear the assignee in the same transaction); null when the case had none.
    /// </summary>
    public Guid? RecipientUserId { get; private set; }

    public string TemplateKey { get; private set; }

    public string Language { get; private set; }

    /// <summary>What wrote it: <c>escalation:ID</c> or <c>transition:ID</c> of the case type.</summary>
    public string Source { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Set by the sender once delivered; null until then.</summary>
    public Instant? SentAt { get; private set; }

    /// <summary>Delivery attempts so far, by the sender.</summary>
    public int Attempts { get; private set; }

    private static string KindOf(Recipient recipient) => recipient switch
    {
        Recipient.Resident => NotificationRecipients.Resident,
        Recipient.Assignee => NotificationRecipients.Assignee,
        _ => NotificationRecipients.Role,
    };
}

/// <summary>The recipient kinds of <see cref="OutboxNotification.RecipientKind"/>.</summary>
public static class NotificationRecipients
{
    public const string Resident = "resident";

    public const string Assignee = "assignee";

    public const string Role = "role";
}
