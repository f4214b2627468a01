using System.Collections.Immutable;
using CivicDesk.Workflow.Calendars;
using CivicDesk.Workflow.Sla;
using NodaTime;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>The unit of an SLA amount as written in a case type (business-hours, business-days, ...).</summary>
public enum SlaUnit
{
    BusinessHours,
    BusinessDays,
    CalendarHours,
    CalendarDays,
}

/// <summary>An amount of time in one unit; business days are counted with the following-days convention.</summary>
public sealed record SlaAmount(int Amount, SlaUnit Unit)
{
    public SlaTarget ToTarget() => Unit switch
    {
        SlaUnit.BusinessHours => new BusinessHoursTarget(Duration.FromHours(Amount)),
        SlaUnit.BusinessDays => new BusinessDaysTarget(Amount, BusinessDayCounting.FollowingDays),
        SlaUnit.CalendarHours => new CalendarTimeTarget(Duration.FromHours(Amount)),
        SlaUnit.CalendarDays => new CalendarTimeTarget(Duration.FromDays(Amount)),
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "unknown unit"),
    };
}

/// <summary>States entered or events (milestones) reached that start or stop a clock.</summary>
public sealed record ClockEvents(ImmutableArray<string> States, ImmutableArray<string> Events);

/// <summary>A warning so many business hours before a clock's deadline.</summary>
public sealed record SlaWarningDefinition(string Id, int BusinessHoursBefore);

/// <summary>
/// One SLA clock of a case type: the calendar it counts on, what starts and stops it, its default amount and
/// the amounts of services that differ (by service code). Paused states are the case type's paused states.
/// </summary>
public sealed record SlaTargetDefinition(
    string Clock,
    string Calendar,
    ClockEvents Start,
    ClockEvents Stop,
    SlaAmount Target,
    ImmutableArray<SlaWarningDefinition> Warnings,
    ImmutableSortedDictionary<string, SlaAmount> Services);

/// <summary>What fires an escalation: a warning of the clock, or its breach.</summary>
public enum EscalationTrigger
{
    Warning,
    Breach,
}

/// <summary>
/// What happens when a clock warns or is breached: move the case to a queue, notify people, or both.
/// <see cref="Warning"/> names the clock's warning when <see cref="On"/> is <see cref="EscalationTrigger.Warning"/>.
/// </summary>
public sealed record Escalation(
    string Id,
    string Clock,
    EscalationTrigger On,
    string? Warning,
    string? ReassignToQueue,
    ImmutableArray<Notification> Notify);

/// <summary>An SLA clock for one service: the calendar id to evaluate it on, and its definition.</summary>
public sealed record CaseTypeClock(string Calendar, SlaClockDefinition Definition);
