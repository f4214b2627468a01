using System.Collections.Immutable;
using CivicDesk.Rules.Model;
using CivicDesk.Rules.Syntax;

namespace CivicDesk.Rules.Checking;

internal sealed record CheckedRules(
    string Id,
    string Version,
    Metadata Metadata,
    ImmutableArray<RuleInput> Inputs,
    ImmutableArray<RuleParameter> Parameters,
    ImmutableArray<RuleNode> Nodes,
    ImmutableArray<RuleNode> Outputs,
    int LocalCount);
