using CivicDesk.Core.Sla;
using CivicDesk.Core.Timers;

namespace CivicDesk.Web.Timers;

public static class TimersSetup
{
    /// <summary>Binds the <c>Timers</c> and <c>Sla</c> settings and runs the timer poller in this host.</summary>
    public static IServiceCollection AddTimerPolling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TimerOptions>()
            .Bind(configuration.GetSection(TimerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SlaOptions>()
            .Bind(configuration.GetSection(SlaOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<TimerPoller>();
        return services;
    }
}
