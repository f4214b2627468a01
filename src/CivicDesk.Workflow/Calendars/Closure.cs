using System.Globalization;
using NodaTime;

namespace CivicDesk.Workflow.Calendars;

/// <summary>A one-off closure: a snow day, a move, an outage.</summary>
public abstract record Closure(string Name)
{
    internal abstract string Canonical();
}

/// <summary>Whole local dates closed, from <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public sealed record DateClosure(string Name, LocalDate From, LocalDate To) : Closure(Name)
{
    public DateClosure(string name, LocalDate date)
        : this(name, date, date)
    {
    }

    internal override string Canonical() =>
        $"dates {Iso(From)} {Iso(To)} {Name}";

    private static string Iso(LocalDate date) => date.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Closed from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), whatever the hours.</summary>
public sealed record InstantClosure(string Name, Instant Start, Instant End) : Closure(Name)
{
    internal override string Canonical() =>
        $"instants {Iso(Start)} {Iso(End)} {Name}";

    private static string Iso(Instant instant) => instant.ToString("g", CultureInfo.InvariantCulture);
}
