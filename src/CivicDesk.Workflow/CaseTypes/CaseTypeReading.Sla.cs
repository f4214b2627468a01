using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Workflow.CaseTypes;

internal sealed partial class CaseTypeReading
{
    private static readonly string[] Units = ["business-hours", "business-days", "calendar-hours", "calendar-days"];

    // Every clock id written, also of clocks with other problems, so escalations do not repeat those problems.
    private readonly List<string> _declaredClocks = [];

    private ImmutableArray<SlaTargetDefinition> ReadSla(YamlNode? node)
    {
        List<SlaTargetDefinition> clocks = [];
        foreach (YamlNode item in Reader.Sequence(node, "sla"))
        {
            Dictionary<string, YamlNode> keys = Reader.Keys(item, "an SLA target",
                ["clock", "calendar", "start", "stop", "target"], ["warnings", "services"]);
            string? clock = Reader.Text(keys.GetValueOrDefault("clock"), "an SLA target's clock");
            if (clock is not null && _declaredClocks.Contains(clock))
            {
                Reader.Error(item, $"duplicate SLA clock '{clock}'");
            }
            else if (clock is not null)
            {
                _declaredClocks.Add(clock);
            }

            string what = $"SLA clock '{clock}'";
            string? calendar = Reader.Text(keys.GetValueOrDefault("calendar"), what + " calendar");
            if (calendar is not null && !context.Calendars.Contains(calendar))
            {
                Reader.Error(keys["calendar"], $"{what} uses calendar '{calendar}', which is not provided; "
                    + $"provided calendars are: {string.Join(", ", context.Calendars)}");
            }

            ClockEvents? start = Events(keys.GetValueOrDefault("start"), what + " start");
            ClockEvents? stop = Events(keys.GetValueOrDefault("stop"), what + " stop");
            SlaAmount? target = Amount(keys.GetValueOrDefault("target"), what + " target");
            ImmutableArray<SlaWarningDefinition> warnings = Warnings(keys.GetValueOrDefault("warnings"), what);
            ImmutableSortedDictionary<string, SlaAmount> services = Services(keys.GetValueOrDefault("services"), what);
            if (clock is not null && calendar is not null && start is not null && stop is not null
                && target is not null)
            {
                clocks.Add(new SlaTargetDefinition(clock, calendar, start, stop, target, warnings, services));
            }
        }

        return [.. clocks];
    }

    private ClockEvents? Events(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        Dictionary<string, YamlNode> keys = Reader.Keys(node, what, [], ["states", "events"]);
        List<(string Value, YamlNode Node)> states = Reader.OneOrMany(keys.GetValueOrDefault("states"), what);
        List<(string Value, YamlNode Node)> events = Reader.OneOrMany(keys.GetValueOrDefault("events"), what);
        foreach ((string state, YamlNode at) in states)
        {
            CheckState(state, at, $"{what} names");
        }

        if (states.Count + events.Count == 0)
        {
            Reader.Error(node, $"{what} must name at least one state or event");
            return null;
        }

        return new ClockEvents([.. states.Select(s => s.Value)], [.. events.Select(e => e.Value)]);
    }

    private SlaAmount? Amount(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        Dictionary<string, YamlNode> keys = Reader.Keys(node, what, ["amount", "unit"], []);
        int? amount = Reader.Integer(keys.GetValueOrDefault("amount"), what + " amount", 1);
        SlaUnit? unit = Reader.Choice(keys.GetValueOrDefault("unit"), what + " unit", Units) switch
        {
            "business-hours" => SlaUnit.BusinessHours,
            "business-days" => SlaUnit.BusinessDays,
            "calendar-hours" => SlaUnit.CalendarHours,
            "calendar-days" => SlaUnit.CalendarDays,
            _ => null,
        };
        return amount is null || unit is null ? null : new SlaAmount(amount.Value, unit.Value);
    }

    private ImmutableArray<SlaWarningDefinition> Warnings(YamlNode? node, string owner)
    {
        List<SlaWarningDefinition> warnings = [];
        foreach (YamlNode item in Reader.Sequence(node, owner + " warnings"))
        {
            string what = $"a warning of {owner}";
            Dictionary<string, YamlNode> keys = Reader.Keys(item, what, ["id", "business-hours-before"], []);
            string? id = Reader.Text(keys.GetValueOrDefault("id"), what + " id");
            int? hours = Reader.Integer(keys.GetValueOrDefault("business-hours-before"), what + " hours", 1);
            if (id is not null && warnings.Any(w => w.Id == id))
            {
                Reader.Error(item, $"duplicate warning '{id}' of {owner}");
            }
            else if (id is not null && hours is not null)
            {
                warnings.Add(new SlaWarningDefinition(id, hours.Value));
            }
        }

        return [.. warnings];
    }

    private ImmutableSortedDictionary<string, SlaAmount> Services(YamlNode? node, string owner)
    {
        ImmutableSortedDictionary<string, SlaAmount>.Builder services =
            ImmutableSortedDictionary.CreateBuilder<string, SlaAmount>(StringComparer.Ordinal);
        if (node is null)
        {
            return services.ToImmutable();
        }

        if (node is not YamlMappingNode mapping)
        {
            Reader.Error(node, $"{owner} services must be a mapping from service code to target");
            return services.ToImmutable();
        }

        foreach ((YamlNode key, YamlNode value) in mapping.Children)
        {
            string? code = Reader.Text(key, $"a service code of {owner}");
            if (code is not null && _services.Count > 0 && !_services.Contains(code))
            {
                Reader.Error(key, $"{owner} sets a target for service '{code}', which the case type is not for; "
                    + $"its services are: {string.Join(", ", _services.Distinct(StringComparer.Ordinal))}");
            }

            if (code is not null && Amount(value, $"{owner} for service '{code}'") is { } amount)
            {
                services[code] = amount;
            }
        }

        return services.ToImmutable();
    }
}
