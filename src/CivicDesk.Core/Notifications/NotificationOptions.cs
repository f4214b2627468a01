using System.ComponentModel.DataAnnotations;

namespace CivicDesk.Core.Notifications;

/// <summary>How the outbox sender delivers notifications. Bound to the <c>Notifications</c> section.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary>The SMTP server mail is handed to. Unset turns the sender off (rows wait in the outbox).</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65_535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>How the connection to <see cref="SmtpHost"/> is protected.</summary>
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Optional SMTP sign-in; the password comes from the environment or a secret store only.</summary>
    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The From address of every message, such as <c>no-reply@311.example.gov</c>.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The From display name, such as the agency's name.</summary>
    public string? FromName { get; set; }

    /// <summary>
    /// The right-hand side of each message's Message-ID; the domain of <see cref="FromAddress"/> when unset.
    /// </summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>The origin residents follow requests at; the tracking link is this and the request's path.</summary>
    public string TrackingBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>A YAML file of templates that replaces the built-in set (see <c>samples/notifications</c>).</summary>
    public string? TemplatesFile { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>At most this many rows are claimed per round.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts after which a row is marked failed instead of being tried again.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claimed row stays out of other senders' reach. Longer than one send can take (connect, TLS and
    /// the server's answer): a sender that dies mid-send leaves its rows to be taken again after it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEnabled && string.IsNullOrWhiteSpace(FromAddress))
        {
            yield return new ValidationResult(
                "Notifications:FromAddress is required when Notifications:SmtpHost is set.", [nameof(FromAddress)]);
        }

        if (!Uri.TryCreate(TrackingBaseUrl, UriKind.Absolute, out Uri? origin)
            || origin.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult(
                "Notifications:TrackingBaseUrl must be an http or https origin.", [nameof(TrackingBaseUrl)]);
        }
    }
}

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same machine or a trusted private network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}
