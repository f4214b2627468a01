namespace CivicDesk.Workflow.Calendars;

/// <summary>One thing wrong with a calendar definition: where (<see cref="Field"/>, a path) and what.</summary>
public sealed record CalendarProblem(string Field, string Message);

/// <summary>The outcome of building a calendar: the calendar, or every problem found in its definition.</summary>
public sealed record CalendarBuild(BusinessCalendar? Calendar, IReadOnlyList<CalendarProblem> Problems)
{
    public bool Succeeded => Calendar is not null;
}
