using CivicDesk.Core.Cases.Routing;
using CivicDesk.Core.Cases.SubmitRequest;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using CivicDesk.Core.Sla;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Tests.Cases;

/// <summary>
/// The intake use case wired as the host wires it (case type pinning, routing, SLA timers), on one context and
/// one fake clock; without <c>policies</c> no jurisdiction has a routing policy.
/// </summary>
internal static class SubmitRequestHandlers
{
    /// <summary>Loaded case types are shared by the process, as the host's singleton is.</summary>
    private static readonly CaseTypeCache Cache = new();

    public static SubmitRequestHandler Create(
        CivicDeskDbContext db,
        TimeProvider time,
        RoutingPolicies? policies = null)
    {
        CatalogCache catalog = new(time);
        policies ??= new RoutingPolicies(Options.Create(new RoutingOptions()), NullLogger<RoutingPolicies>.Instance);
        return new SubmitRequestHandler(
            db,
            new LocalFileStore(Path.Combine(Path.GetTempPath(), "civicdesk-tests", "files")),
            catalog,
            new CaseTypeResolver(db, catalog),
            new CaseRouter(db, catalog, policies, new PinnedCaseTypes(db, Cache, NullLogger<PinnedCaseTypes>.Instance)),
            new SlaTimerScheduler(db, new DefaultSlaPolicy(db, catalog, Options.Create(new SlaOptions())), time),
            time,
            NullLogger<SubmitRequestHandler>.Instance);
    }
}
