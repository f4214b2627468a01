namespace CivicDesk.Core.Cases.Routing;

/// <summary>
/// Which routing policy (a rule set of CivicDesk.Rules) each jurisdiction uses, bound to the <c>Routing</c>
/// section: <c>Routing:Policies:nyc = samples/rules/nyc-routing.rules</c>. A jurisdiction not listed keeps the
/// default placement: its service's department and that department's first queue, without a priority.
/// </summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>Rule file by jurisdiction code; a relative path is read from <see cref="BaseDirectory"/>.</summary>
    public Dictionary<string, string> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string BaseDirectory { get; set; } = AppContext.BaseDirectory;
}
