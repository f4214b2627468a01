using System.Collections.Immutable;
using CivicDesk.Workflow.CaseTypes;

namespace CivicDesk.Workflow.Calendars;

/// <summary>The outcome of loading a calendar file: the built calendar and its definition, or every problem.</summary>
public sealed record CalendarLoad(
    BusinessCalendar? Calendar,
    CalendarDefinition? Definition,
    ImmutableArray<FileProblem> Problems)
{
    public bool Succeeded => Calendar is not null;
}
