using System.Collections.Concurrent;
using System.Globalization;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Core.Sla;

/// <summary>
/// One clock for every case without a case type, from <see cref="SlaOptions"/>: it starts when the case is
/// created, pauses while it is on hold, stops when it is closed, cancelled or referred, and warns some business
/// hours before its deadline.
/// </summary>
// Limitation: one clock for all services, no holidays. It serves only cases without a case type (created before
// one was published, or imported); CaseTypeSlaPolicy gives pinned cases their type's clocks and calendars.
public sealed class DefaultSlaPolicy(CivicDeskDbContext db, CatalogCache catalog, IOptions<SlaOptions> options)
    : ISlaPolicy
{
    private static readonly IsoDayOfWeek[] Weekdays =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday,
    ];

    // A built calendar memoises its days, so one is kept per zone and hours rather than rebuilt per case.
    private static readonly ConcurrentDictionary<string, BusinessCalendar> Calendars = new(StringComparer.Ordinal);

    public async ValueTask<SlaPlan?> PlanForAsync(SlaSubject subject, CancellationToken cancellationToken)
    {
        SlaOptions sla = options.Value;
        if (!sla.Enabled)
        {
            return null;
        }

        Guid jurisdictionId = subject.JurisdictionId;
        Jurisdiction? jurisdiction = await catalog.GetOrLoadAsync(
            $"jurisdiction:{jurisdictionId}",
            token => db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jurisdictionId, token),
            cancellationToken);
        if (jurisdiction is null)
        {
            return null;
        }

        string key = string.Create(
            CultureInfo.InvariantCulture, $"{jurisdiction.TimeZoneId}|{sla.Opens:HH:mm}|{sla.Closes:HH:mm}");
        BusinessCalendar calendar = Calendars.GetOrAdd(key, _ => Build(jurisdiction.TimeZoneId, sla));
        return new SlaPlan([new PlannedClock(Clock(sla), calendar)]);
    }

    public static SlaClockDefinition Clock(SlaOptions sla) => new(
        sla.ClockId,
        new BusinessDaysTarget(sla.BusinessDays),
        Start: ClockTrigger.OnEntering(CaseStatus.New.ToCode()),
        Stop: ClockTrigger.OnEntering(
            CaseStatus.Closed.ToCode(), CaseStatus.Cancelled.ToCode(), CaseStatus.Referred.ToCode()),
        PausedStates: [CaseStatus.OnHold.ToCode()],
        Warnings: sla.WarningBusinessHours > 0
            ? [new SlaWarning("before-deadline", Duration.FromHours(sla.WarningBusinessHours))]
            : []);

    private static BusinessCalendar Build(string timeZoneId, SlaOptions sla)
    {
        TimeRange hours = new(LocalTime.FromTimeOnly(sla.Opens), LocalTime.FromTimeOnly(sla.Closes));
        CalendarDefinition definition = new(
            "default", 1, timeZoneId, [.. Weekdays.Select(day => new DayHours(day, hours))], [], []);
        CalendarBuild build = BusinessCalendar.Create(definition, DateTimeZoneProviders.Tzdb);
        return build.Calendar ?? throw new InvalidOperationException(
            "The default SLA calendar is not valid: "
                + string.Join("; ", build.Problems.Select(p => $"{p.Field}: {p.Message}")));
    }
}
