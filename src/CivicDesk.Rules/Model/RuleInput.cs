using System.Collections.Immutable;

namespace CivicDesk.Rules.Model;

/// <summary>A declared input of a rule set: what the caller supplies; a missing one is unknown.</summary>
public sealed record RuleInput(string Name, RuleType Type, int Slot, ImmutableDictionary<string, string> Labels);
