using System.Collections.Immutable;
using NodaTime;

namespace CivicDesk.Rules.Values;

public sealed class DateValue(LocalDate value) : Value
{
    public LocalDate Value { get; } = value;

    public override string Canonical => NodaTime.Text.LocalDatePattern.Iso.Format(Value);
}
