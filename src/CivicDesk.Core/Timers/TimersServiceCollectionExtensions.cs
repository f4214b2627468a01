using CivicDesk.Core.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicDesk.Core.Timers;

public static class TimersServiceCollectionExtensions
{
    /// <summary>
    /// Registers SLA scheduling, the SLA policy (case types, else the default) and the timer dispatcher with its
    /// handlers. Hosts that fire timers add a poller on top (the web host does; the command line does not).
    /// </summary>
    public static IServiceCollection AddDurableTimers(this IServiceCollection services)
    {
        services.AddOptions<TimerOptions>();
        services.AddOptions<SlaOptions>();
        services.TryAddScoped<DefaultSlaPolicy>();
        services.TryAddScoped<ISlaPolicy, CaseTypeSlaPolicy>();
        services.AddScoped<SlaSources>();
        services.AddScoped<SlaRecomputation>();
        services.AddScoped<CaseClocks>();
        services.AddScoped<SlaTimerScheduler>();
        services.AddSingleton<SlaEscalations>();
        services.AddScoped<TimerDispatcher>();
        services.AddScoped<ITimerHandler, SlaWarningHandler>();
        services.AddScoped<ITimerHandler, SlaBreachHandler>();
        return services;
    }
}
