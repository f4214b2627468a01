using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CivicDesk.Core.Notifications.SendNotifications;

/// <summary>Sends through the SMTP server of <see cref="NotificationOptions"/> with MailKit.</summary>
// Limitation: a connection per message costs a handshake each; a round that keeps one connection open for its
// batch would lift this when volumes call for it.
internal sealed class SmtpMailTransport(IOptions<NotificationOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        NotificationOptions settings = options.Value;
        // Each step of a send must end well inside the claim's lease, so that the batch's later rows are still this
        // sender's when their turn comes.
        using SmtpClient client = new()
        {
            Timeout = (int)Math.Min(settings.ClaimLease.TotalMilliseconds / 4, 60_000),
        };
        SecureSocketOptions security = settings.SmtpSecurity switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        };
        string host = settings.SmtpHost
            ?? throw new InvalidOperationException("The sender runs only with Notifications:SmtpHost set.");
        await client.ConnectAsync(host, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(
                settings.SmtpUserName, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
