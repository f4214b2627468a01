using MimeKit;

namespace CivicDesk.Core.Notifications.SendNotifications;

/// <summary>Hands one message to the mail system; throws when the message was not accepted.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
