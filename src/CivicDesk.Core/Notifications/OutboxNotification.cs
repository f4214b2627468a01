using CivicDesk.Workflow.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Notifications;

/// <summary>
/// A message to send about a case, written to the <c>notifications</c> outbox in the transaction of what caused
/// it (an escalation when an SLA timer fires, a transition that names <c>notify:</c>). The outbox sender
/// (<see cref="SendNotifications.OutboxSender"/>) renders <see cref="TemplateKey"/> in <see cref="Language"/> for
/// the recipient and records each attempt here. Holds no personal data: the sender looks the resident's contact
/// and the staff addresses up when it sends.
/// </summary>
public sealed class OutboxNotification
{
    /// <summary>The language written when nothing on the case says another.</summary>
    public const string DefaultLanguage = ResidentLanguages.Default;

    private OutboxNotification()
    {
        RecipientKind = string.Empty;
        TemplateKey = string.Empty;
        Language = DefaultLanguage;
        Source = string.Empty;
        State = NotificationStates.Pending;
    }

    internal OutboxNotification(
        Guid id,
        Guid caseId,
        string language,
        Notification notification,
        Guid? assigneeId,
        string source,
        Instant now)
        : this()
    {
        ArgumentNullException.ThrowIfNull(notification);
        Id = id;
        CaseId = caseId;
        Language = ResidentLanguages.Choose(language);
        RecipientKind = KindOf(notification.To);
        Role = notification.To == Recipient.Role ? notification.Role : null;
        RecipientUserId = notification.To == Recipient.Assignee ? assigneeId : null;
        TemplateKey = notification.Template;
        Source = source;
        CreatedAt = now;
        NextAttemptAt = now;
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

    /// <summary>The case's language when the row was written (<see cref="ResidentLanguages"/>).</summary>
    public string Language { get; private set; }

    /// <summary>What wrote it: <c>escalation:ID</c> or <c>transition:ID</c> of the case type.</summary>
    public string Source { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>One of <see cref="NotificationStates"/>.</summary>
    public string State { get; private set; }

    /// <summary>
    /// While pending, the instant from which a sender may take the row: its creation, the retry time after a
    /// failed attempt, or the end of a sender's claim (a sender that dies mid-send leaves the row to be taken
    /// again once its claim runs out).
    /// </summary>
    public Instant NextAttemptAt { get; private set; }

    /// <summary>Set by the sender once delivered; null until then.</summary>
    public Instant? SentAt { get; private set; }

    /// <summary>Delivery attempts so far, by the sender; counted when a sender claims the row.</summary>
    public int Attempts { get; private set; }

    /// <summary>
    /// Why the last attempt failed, or why the row was skipped: a fixed code or an exception type, never a
    /// server's reply text (which can quote an address).
    /// </summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// The Message-ID every attempt of this row carries, so that a resend after a crash between sending and
    /// recording is recognisable as the same message.
    /// </summary>
    public string MessageId(string domain) => $"{Id:N}@{domain}";

    internal void Claim(Instant now, Duration lease)
    {
        Attempts++;
        NextAttemptAt = now + lease;
    }

    internal void MarkSent(Instant now)
    {
        State = NotificationStates.Sent;
        SentAt = now;
        LastError = null;
    }

    /// <summary>A failure that another attempt may cure: retried at <paramref name="retryAt"/>.</summary>
    internal void Retry(string error, Instant retryAt)
    {
        LastError = error;
        NextAttemptAt = retryAt;
    }

    internal void MarkFailed(string error)
    {
        State = NotificationStates.Failed;
        LastError = error;
    }

    /// <summary>Nobody could be addressed (no contact, no staff address): recorded, not retried.</summary>
    internal void Skip(string reason)
    {
        State = NotificationStates.Skipped;
        LastError = reason;
    }

    private static string KindOf(Recipient recipient) => recipient switch
    {
        Recipient.Resident => NotificationRecipients.Resident,
        Recipient.Assignee => NotificationRecipients.Assignee,
        _ => NotificationRecipients.Role,
    };
}
