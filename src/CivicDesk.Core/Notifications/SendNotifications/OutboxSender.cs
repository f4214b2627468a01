using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace CivicDesk.Core.Notifications.SendNotifications;

/// <summary>
/// Delivers the <c>notifications</c> outbox: claims due rows (<see cref="OutboxClaims"/>), renders each row's
/// template in its language, sends it and records the outcome: sent, retried later with exponential back-off,
/// failed after <see cref="NotificationOptions.MaxAttempts"/>, or skipped when nobody can be addressed.
/// </summary>
/// <remarks>
/// At least once: a sender that dies between the server's acceptance and the record sends the row again once
/// its claim runs out. Every attempt of a row carries the same Message-ID, so the second copy is recognisable.
/// </remarks>
public sealed class OutboxSender
{
    private const int MaxRetryDoublings = 10;

    /// <summary>The <see cref="OutboxNotification.LastError"/> of a row whose template does not exist.</summary>
    public const string TemplateMissing = "template_missing";

    /// <summary>The <see cref="OutboxNotification.LastError"/> of a row whose recipient can be nobody.</summary>
    public const string UnknownRecipient = "unknown_recipient";

    /// <summary>Starts the <see cref="OutboxNotification.LastError"/> of a row whose case could not be read.</summary>
    public const string FactsUnreadable = "case_facts_unreadable:";

    private readonly CivicDeskDbContext _db;
    private readonly NotificationFactsReader _facts;
    private readonly NotificationAddresses _addresses;
    private readonly IMailTransport _transport;
    private readonly NotificationTemplates _templates;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;

    public OutboxSender(
        CivicDeskDbContext db,
        NotificationFactsReader facts,
        NotificationAddresses addresses,
        IMailTransport transport,
        NotificationTemplates templates,
        IOptions<NotificationOptions> options,
        TimeProvider time,
        ILogger<OutboxSender> logger)
    {
        _db = db;
        _facts = facts;
        _addresses = addresses;
        _transport = transport;
        _templates = templates;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Claims up to <see cref="NotificationOptions.BatchSize"/> due rows and sends them.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        List<OutboxNotification> claimed = await OutboxClaims.ClaimAsync(
            _db,
            _time.GetCurrentInstant(),
            Duration.FromTimeSpan(_options.ClaimLease),
            _options.BatchSize,
            cancellationToken);
        foreach (OutboxNotification row in claimed)
        {
            // A row whose claim ran out while earlier ones were sent may already be another sender's: leave it.
            if (_time.GetCurrentInstant() < row.NextAttemptAt)
            {
                await DeliverAsync(row, cancellationToken);
            }
        }

        if (claimed.Count > 0)
        {
            Log.RoundFinished(_logger, claimed.Count);
        }

        return claimed.Count;
    }

    private async Task DeliverAsync(OutboxNotification row, CancellationToken cancellationToken)
    {
        // Staff recipients each get their own language; the default one is rendered first, so a missing template
        // fails the row before anything is sent.
        string language = row.RecipientKind == NotificationRecipients.Resident
            ? row.Language
            : ResidentLanguages.Default;
        if (UnrenderableReason(row, language) is string unrenderable)
        {
            await FailAtOnceAsync(row, language, unrenderable, cancellationToken);
            return;
        }

        NotificationFacts facts;
        Guid departmentId;
        try
        {
            (facts, departmentId) = await _facts.ReadAsync(row.CaseId, language, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The case's row may be mid-migration or hold a value this version cannot read; another attempt may
            // find it readable, so it counts against the retry budget like a refused send. Only the exception's
            // type is kept: its message can quote the row.
            Log.FactsUnreadable(_logger, row.Id, row.Attempts, failure.GetType().Name);
            await RecordFailureAsync(row, FactsUnreadable + failure.GetType().Name, cancellationToken);
            return;
        }

        RenderedNotification text = _templates.Render(row.TemplateKey, language, facts)!;
        NotificationRecipientsFound to = await _addresses.FindAsync(row, departmentId, cancellationToken);
        if (to.SkipReason is string reason)
        {
            Log.NotificationSkipped(_logger, row.Id, reason);
            row.Skip(reason);
            await RecordAsync(row, "notification.skipped", cancellationToken);
            return;
        }

        try
        {
            List<IGrouping<string, NotificationAddress>> groups =
                [.. to.Recipients.GroupBy(r => r.Language, StringComparer.Ordinal)];
            foreach (IGrouping<string, NotificationAddress> group in groups)
            {
                (string written, RenderedNotification inIt) = group.Key == language
                    ? (language, text)
                    : await RenderInAsync(row, group.Key, language, text, cancellationToken);
                string? part = groups.Count > 1 ? group.Key : null;
                await _transport.SendAsync(
                    Compose(row, written, [.. group.Select(r => r.Address)], inIt, part), cancellationToken);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await RecordFailureAsync(row, ErrorCode(failure), cancellationToken);
            return;
        }

        row.MarkSent(_time.GetCurrentInstant());
        await RecordAsync(row, "notification.sent", cancellationToken);
        Log.NotificationSent(_logger, row.Id, row.CaseId, row.TemplateKey, row.Attempts);
    }

    /// <summary>Why the row can never be sent as written, whatever the case holds; null when it can.</summary>
    private string? UnrenderableReason(OutboxNotification row, string language)
    {
        if (!_templates.Has(row.TemplateKey, language))
        {
            return TemplateMissing;
        }

        bool addressable = row.RecipientKind switch
        {
            NotificationRecipients.Resident or NotificationRecipients.Assignee => true,
            NotificationRecipients.Role => Enum.TryParse(row.Role, ignoreCase: true, out StaffRole role)
                && Enum.IsDefined(role),
            _ => false,
        };
        return addressable ? null : UnknownRecipient;
    }

    private async Task FailAtOnceAsync(
        OutboxNotification row,
        string language,
        string reason,
        CancellationToken cancellationToken)
    {
        if (reason == TemplateMissing)
        {
            Log.TemplateMissing(_logger, row.Id, row.TemplateKey, language);
        }
        else
        {
            Log.NotificationUnrenderable(_logger, row.Id, reason);
        }

        row.MarkFailed(reason);
        await RecordAsync(row, "notification.failed", cancellationToken);
    }


    /// <summary>
    /// The row's message in a recipient's own language, or the text already rendered (in
    /// <paramref name="fallbackLanguage"/>) when the templates lack that language.
    /// </summary>
    private async Task<(string Language, RenderedNotification Text)> RenderInAsync(
        OutboxNotification row,
        string language,
        string fallbackLanguage,
        RenderedNotification fallback,
        CancellationToken cancellationToken)
    {
        (NotificationFacts facts, _) = await _facts.ReadAsync(row.CaseId, language, cancellationToken);
        return _templates.Render(row.TemplateKey, language, facts) is { } text
            ? (language, text)
            : (fallbackLanguage, fallback);
    }

    /// <summary>
    /// One message of the row. A row sent in several languages sends one message per language, each with its
    /// own stable Message-ID (<paramref name="part"/> names the language).
    /// </summary>
    private MimeMessage Compose(
        OutboxNotification row,
        string language,
        IReadOnlyList<string> addresses,
        RenderedNotification text,
        string? part)
    {
        string from = _options.FromAddress!;
        MimeMessage message = new()
        {
            Subject = text.Subject,
            Body = new TextPart("plain") { Text = text.Body },
            Date = _time.GetUtcNow(),
            MessageId = MessageIdOf(row, _options.MessageIdDomain ?? from[(from.LastIndexOf('@') + 1)..], part),
        };
        message.From.Add(new MailboxAddress(_options.FromName ?? string.Empty, from));
        foreach (string address in addresses)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Headers.Add(HeaderId.ContentLanguage, language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private async Task RecordFailureAsync(OutboxNotification row, string error, CancellationToken cancellationToken)
    {
        if (row.Attempts >= _options.MaxAttempts)
        {
            row.MarkFailed(error);
            await RecordAsync(row, "notification.failed", cancellationToken);
            Log.NotificationFailed(_logger, row.Id, row.Attempts, error);
            return;
        }

        TimeSpan wait = _options.RetryDelay * Math.Pow(2, Math.Min(row.Attempts - 1, MaxRetryDoublings));
        row.Retry(error, _time.GetCurrentInstant() + Duration.FromTimeSpan(wait));
        await _db.SaveChangesAsync(cancellationToken);
        Log.AttemptFailed(_logger, row.Id, row.Attempts, error);
    }

    /// <summary>Saves the row's outcome with its audit entry: identifiers and codes, never an address.</summary>
    private async Task RecordAsync(OutboxNotification row, string action, CancellationToken cancellationToken)
    {
        Instant now = _time.GetCurrentInstant();
        _db.AuditEntries.Add(new AuditEntry(_time.NewId(), now, Actor.System, action, "case", row.CaseId)
        {
            Detail = JsonSerializer.Serialize(new
            {
                notification = row.Id,
                template = row.TemplateKey,
                recipient = row.RecipientKind,
                language = row.Language,
                attempts = row.Attempts,
                error = row.LastError,
            }),
        });
        await _db.SaveChangesAsync(cancellationToken);
    }

    private static string MessageIdOf(OutboxNotification row, string domain, string? part) =>
        part is null ? row.MessageId(domain) : $"{row.Id:N}.{part}@{domain}";

    /// <summary>A code safe to store and log: the SMTP status for a refusal, else the exception's type.</summary>
    private static string ErrorCode(Exception failure) => failure switch
    {
        SmtpCommandException refused => $"smtp_{(int)refused.StatusCode}_{refused.ErrorCode}",
        _ => failure.GetType().Name,
    };
}
