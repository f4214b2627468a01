using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Workflow.CaseTypes;

internal sealed partial class CaseTypeReading
{
    private ImmutableArray<Escalation> ReadEscalations(YamlNode? node, ImmutableArray<SlaTargetDefinition> sla)
    {
        List<Escalation> escalations = [];
        foreach (YamlNode item in Reader.Sequence(node, "escalations"))
        {
            Dictionary<string, YamlNode> keys = Reader.Keys(item, "an escalation", ["id", "clock", "on"],
                ["warning", "reassign-to", "notify"]);
            string? id = Reader.Text(keys.GetValueOrDefault("id"), "an escalation's id");
            if (id is not null && escalations.Any(e => e.Id == id))
            {
                Reader.Error(item, $"duplicate escalation '{id}'");
            }

            string what = $"escalation '{id}'";
            string? clock = Reader.Text(keys.GetValueOrDefault("clock"), what + " clock");
            SlaTargetDefinition? target = sla.FirstOrDefault(s => s.Clock == clock);
            if (clock is not null && !_declaredClocks.Contains(clock))
            {
                Reader.Error(keys["clock"], $"{what} names undeclared SLA clock '{clock}'; declared clocks are: "
                    + string.Join(", ", _declaredClocks));
            }

            string? on = Reader.Choice(keys.GetValueOrDefault("on"), what + " on", "warning", "breach");
            string? warning = Reader.Text(keys.GetValueOrDefault("warning"), what + " warning");
            CheckWarning(item, keys, what, target, on, warning);
            string? queue = Reader.Text(keys.GetValueOrDefault("reassign-to"), what + " reassign-to");
            ImmutableArray<Notification> notify = Notifications(keys.GetValueOrDefault("notify"), what);
            if (queue is null && notify.IsEmpty)
            {
                Reader.Error(item, $"{what} does nothing; give 'reassign-to', 'notify' or both");
            }

            if (id is not null && clock is not null && on is not null)
            {
                EscalationTrigger trigger = on == "warning" ? EscalationTrigger.Warning : EscalationTrigger.Breach;
                escalations.Add(new Escalation(id, clock, trigger, warning, queue, notify));
            }
        }

        return [.. escalations];
    }

    private void CheckWarning(
        YamlNode item,
        Dictionary<string, YamlNode> keys,
        string what,
        SlaTargetDefinition? target,
        string? on,
        string? warning)
    {
        if (on == "warning" && warning is null)
        {
            Reader.Error(item, $"{what} fires on a warning but names none; add 'warning'");
        }
        else if (on == "breach" && warning is not null)
        {
            Reader.Error(keys["warning"], $"{what}: 'warning' is allowed only with 'on: warning'");
        }
        else if (warning is not null && target is not null && target.Warnings.All(w => w.Id != warning))
        {
            Reader.Error(keys["warning"], $"{what} names undeclared warning '{warning}' of clock '{target.Clock}'; "
                + $"its warnings are: {string.Join(", ", target.Warnings.Select(w => w.Id))}");
        }
    }
}
