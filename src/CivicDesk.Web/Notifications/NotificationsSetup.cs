using CivicDesk.Core.Notifications;
using CivicDesk.Web.Hosting;

namespace CivicDesk.Web.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// Binds the <c>Notifications</c> settings and runs the outbox sender in this host. The tracking link in
    /// messages starts with <c>PublicBaseUrl</c> unless <c>Notifications:TrackingBaseUrl</c> says otherwise.
    /// </summary>
    public static IServiceCollection AddNotificationSending(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>()
            .Configure(o => o.TrackingBaseUrl = configuration[PublicUrlOptions.Key] ?? o.TrackingBaseUrl)
            .Bind(configuration.GetSection(NotificationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<OutboxPoller>();
        return services;
    }
}
