using CivicDesk.Core.Notifications.SendNotifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the templates and the outbox sender with its SMTP transport. Hosts that send add a poller on
    /// top (the web host does); the command line only writes outbox rows.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>();
        services.TryAddSingleton(provider =>
        {
            string? file = provider.GetRequiredService<IOptions<NotificationOptions>>().Value.TemplatesFile;
            return string.IsNullOrWhiteSpace(file)
                ? NotificationTemplates.BuiltIn()
                : NotificationTemplates.FromFile(file);
        });
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddScoped<NotificationFactsReader>();
        services.AddScoped<NotificationAddresses>();
        services.AddScoped<OutboxSender>();
        return services;
    }
}
