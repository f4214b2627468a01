using System.Collections.Immutable;
using NodaTime;

namespace CivicDesk.Rules.Values;

public sealed class DurationValue(Period value) : Value
{
    public Period Value { get; } = value;

    public override string Canonical => NodaTime.Text.PeriodPattern.Roundtrip.Format(Value);
}
