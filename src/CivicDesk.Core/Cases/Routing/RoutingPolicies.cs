using System.Collections.Concurrent;
using CivicDesk.Rules;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Cases.Routing;

/// <summary>
/// The routing policy of each jurisdiction, read, checked and compiled once per process and kept by content hash
/// (two jurisdictions naming the same text share one compiled rule set). A policy that cannot be read or does not
/// check is logged once and treated as absent, so intake keeps working with the default placement.
/// Also the routing and triage tables of case type versions, compiled once per case type content hash
/// (<see cref="ForCaseType"/>); a case type's tables win over the settings policy.
/// </summary>
public sealed class RoutingPolicies(IOptions<RoutingOptions> options, ILogger<RoutingPolicies> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<RoutingPolicy?>> _byJurisdiction =
        new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, RoutingPolicy> _byHash = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<RoutingPolicy>?>> _byCaseType =
        new(StringComparer.Ordinal);

    /// <summary>The policy of the jurisdiction with this code, or null when it has none.</summary>
    public RoutingPolicy? For(string jurisdictionCode) =>
        _byJurisdiction.GetOrAdd(
            jurisdictionCode,
            code => new Lazy<RoutingPolicy?>(() => Load(code), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// A configured policy with the given content hash (to show a stored decision's labels), or null when the
    /// decision was made by a text no jurisdiction uses any more.
    /// </summary>
    public RoutingPolicy? WithHash(string contentHash)
    {
        if (_byHash.TryGetValue(contentHash, out RoutingPolicy? policy))
        {
            return policy;
        }

        foreach (string code in options.Value.Policies.Keys)
        {
            _ = For(code);
        }

        return _byHash.GetValueOrDefault(contentHash);
    }

    /// <summary>
    /// The compiled routing and triage tables of a loaded case type version, by its content hash: one rule set
    /// when both tables are in the same file, else the routing table then the triage table; null when the type
    /// names neither (its cases then take the jurisdiction's policy from settings).
    /// </summary>
    public IReadOnlyList<RoutingPolicy>? ForCaseType(CaseType caseType)
    {
        ArgumentNullException.ThrowIfNull(caseType);
        return _byCaseType.GetOrAdd(
            caseType.ContentHash,
            _ => new Lazy<IReadOnlyList<RoutingPolicy>?>(
                () => Compile(caseType), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private List<RoutingPolicy>? Compile(CaseType caseType)
    {
        DecisionTableReference? routing = caseType.Routing;
        DecisionTableReference? triage = caseType.Triage;
        string? department = routing?.Outputs.GetValueOrDefault(RoutingPolicy.DepartmentOutput);
        string? queue = routing?.Outputs.GetValueOrDefault(RoutingPolicy.QueueOutput);
        string? priority = triage?.Outputs.GetValueOrDefault(RoutingPolicy.PriorityOutput);
        List<RoutingPolicy> compiled = [];
        if (routing is not null && triage is not null && routing.RuleSetHash == triage.RuleSetHash)
        {
            compiled.Add(new RoutingPolicy(routing.RuleSet, department, queue, priority));
        }
        else
        {
            if (routing is not null)
            {
                compiled.Add(new RoutingPolicy(routing.RuleSet, department, queue, priorityOutput: null));
            }

            if (triage is not null)
            {
                compiled.Add(new RoutingPolicy(triage.RuleSet, departmentOutput: null, queueOutput: null, priority));
            }
        }

        foreach (RoutingPolicy policy in compiled)
        {
            _byHash.TryAdd(policy.Rules.ContentHash, policy);
        }

        return compiled.Count == 0 ? null : compiled;
    }

    private RoutingPolicy? Load(string jurisdictionCode)
    {
        RoutingOptions settings = options.Value;
        if (!settings.Policies.TryGetValue(jurisdictionCode, out string? configured)
            || string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        string path = Path.IsPathRooted(configured) ? configured : Path.Combine(settings.BaseDirectory, configured);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? settings.BaseDirectory;
        string file = Path.GetFileName(path);
        try
        {
            RuleSet rules = RuleSetLoader.Load(file, name =>
            {
                string candidate = Path.GetFullPath(Path.Combine(folder, name));
                return File.Exists(candidate) ? File.ReadAllText(candidate) : null;
            });
            RoutingPolicy policy = _byHash.GetOrAdd(rules.ContentHash, _ => new RoutingPolicy(rules));
            Log.RoutingPolicyLoaded(logger, jurisdictionCode, policy.Rules.Id, policy.Rules.Version);
            return policy;
        }
        catch (Exception exception) when (exception is RulesLoadException or IOException or UnauthorizedAccessException)
        {
            Log.RoutingPolicyUnusable(logger, jurisdictionCode, exception.GetType().Name);
            return null;
        }
    }
}
