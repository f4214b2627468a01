using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Values;

namespace CivicDesk.Rules.Records;

/// <summary>Makes decision records from evaluations and replays them.</summary>
public static class DecisionRecords
{
    /// <summary>Evaluates (compiled, with trace) and records the decision.</summary>
    public static DecisionRecord Decide(RuleSet rules, RuleInputs inputs, NodaTime.LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(inputs);
        EvaluationResult result = rules.Compile().Evaluate(inputs, asOf, trace: true);
        return Create(rules, inputs, result);
    }

    public static DecisionRecord Create(RuleSet rules, RuleInputs inputs, EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(result);
        Trace trace = result.Trace
            ?? throw new ArgumentException("A record needs a traced evaluation.", nameof(result));
        string canonicalInputs = CanonicalJson.Object(rules.Inputs
            .Where(i => inputs.Slots[i.Slot] is not null)
            .Select(i => (i.Name, inputs.Slots[i.Slot]!)), asInputs: true);
        return new DecisionRecord(rules.Id, rules.Version, rules.ContentHash, result.AsOf, canonicalInputs,
            Sha256(canonicalInputs), CanonicalJson.Object(result.Outputs), CanonicalJson.Trace(trace));
    }

    /// <summary>
    /// Evaluates a recorded decision again with the rule set it names and records the result; equal to the
    /// original when nothing changed. Refuses a rule set of another id, version or content.
    /// </summary>
    public static DecisionRecord Replay(RuleSet rules, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(record);
        if (rules.Id != record.RuleSetId || rules.Version != record.RuleSetVersion
            || rules.ContentHash != record.ContentHash)
        {
            throw new ArgumentException(
                $"The record was made with {record.RuleSetId} {record.RuleSetVersion} ({record.ContentHash}), "
                + $"not {rules.Id} {rules.Version} ({rules.ContentHash}).", nameof(rules));
        }

        using JsonDocument document = JsonDocument.Parse(record.Inputs);
        Dictionary<string, object?> data = document.RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => CanonicalJson.Plain(p.Value), StringComparer.Ordinal);
        return Decide(rules, InputReader.Read(rules, data), record.AsOf);
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
