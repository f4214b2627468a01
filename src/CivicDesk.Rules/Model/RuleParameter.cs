using System.Collections.Immutable;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Rules.Model;

/// <summary>
/// A dated parameter: a value (or a table of values by key) in force from a date and optionally until a date
/// (inclusive), with its unit, labels and citation.
/// </summary>
public sealed class RuleParameter
{
    private LastPeriod? _lastPeriod;

    internal RuleParameter(
        string name,
        RuleType valueType,
        ImmutableArray<(string Name, RuleType Type)> keys,
        string unit,
        ImmutableDictionary<string, string> labels,
        string citation,
        ImmutableArray<ParameterPeriodValues> periods)
    {
        Name = name;
        ValueType = valueType;
        Keys = keys;
        Unit = unit;
        Labels = labels;
        Citation = citation;
        Periods = periods;
    }

    public string Name { get; }

    public RuleType ValueType { get; }

    public ImmutableArray<(string Name, RuleType Type)> Keys { get; }

    public bool IsTable => !Keys.IsEmpty;

    public string Unit { get; }

    public ImmutableDictionary<string, string> Labels { get; }

    public string Citation { get; }

    internal ImmutableArray<ParameterPeriodValues> Periods { get; }

    /// <summary>The scalar value in force on the date, or an unknown value when none is.</summary>
    public Value ValueOn(LocalDate date) => PeriodOn(date)?.Scalar ?? UnknownValue.None;

    /// <summary>The table value for the keys in force on the date, or an unknown value when there is none.</summary>
    public Value Lookup(LocalDate date, ReadOnlySpan<Value> keys)
    {
        ParameterPeriodValues? period = PeriodOn(date);
        if (period?.Table is null || !TableKey.TryCreate(keys, out TableKey key))
        {
            return UnknownValue.None;
        }

        return period.Table.GetValueOrDefault(key) ?? UnknownValue.None;
    }

    /// <summary>The table value for a key already split into its parts (typed compiled code).</summary>
    internal Value Lookup(LocalDate date, in TableKey key) =>
        PeriodOn(date)?.Table?.GetValueOrDefault(key) ?? UnknownValue.None;

    internal ParameterPeriodValues? PeriodOn(LocalDate date)
    {
        // Evaluations come in runs on the same as-of date: remember the last answer (an immutable pair, replaced
        // whole, so threads never see half of one).
        if (_lastPeriod is { } last && last.Date == date)
        {
            return last.Period;
        }

        ParameterPeriodValues? found = null;
        foreach (ParameterPeriodValues period in Periods)
        {
            if (period.From <= date && (period.Until is null || date <= period.Until))
            {
                found = period;
                break;
            }
        }

        _lastPeriod = new LastPeriod(date, found);
        return found;
    }

    private sealed record LastPeriod(LocalDate Date, ParameterPeriodValues? Period);
}

/// <summary>One dated stretch of a parameter's values.</summary>
internal sealed record ParameterPeriodValues(
    LocalDate From, LocalDate? Until, Value? Scalar, Dictionary<TableKey, Value>? Table);
