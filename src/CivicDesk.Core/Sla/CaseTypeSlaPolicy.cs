using CivicDesk.Core.CaseTypes;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.CaseTypes;

namespace CivicDesk.Core.Sla;

/// <summary>
/// The clocks of a case from the case type version it is pinned to: the type's clocks for the case's service
/// (its own amount where the type gives one), each on the latest published version of the calendar it names.
/// A case without a case type, or whose version no longer loads, gets <see cref="DefaultSlaPolicy"/>'s clock.
/// </summary>
public sealed class CaseTypeSlaPolicy(SlaSources sources, DefaultSlaPolicy fallback) : ISlaPolicy
{
    public async ValueTask<SlaPlan?> PlanForAsync(SlaSubject subject, CancellationToken cancellationToken)
    {
        if (subject.CaseType is not PinnedCaseType pin)
        {
            return await fallback.PlanForAsync(subject, cancellationToken);
        }

        LoadedCaseType? loaded = await sources.CaseTypeAsync(subject.JurisdictionId, pin, cancellationToken);
        string? serviceCode = await sources.ServiceCodeAsync(
            subject.JurisdictionId, subject.ServiceId, cancellationToken);
        if (loaded is null || serviceCode is null)
        {
            return await fallback.PlanForAsync(subject, cancellationToken);
        }

        List<PlannedClock> clocks = [];
        foreach (CaseTypeClock clock in loaded.ClocksFor(serviceCode))
        {
            BusinessCalendar? calendar = await sources.CalendarAsync(
                subject.JurisdictionId, clock.Calendar, loaded, cancellationToken);
            if (calendar is not null)
            {
                clocks.Add(new PlannedClock(clock.Definition, calendar));
            }
        }

        return clocks.Count == 0 ? null : new SlaPlan(clocks);
    }
}
