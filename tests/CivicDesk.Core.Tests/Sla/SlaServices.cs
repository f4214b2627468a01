using CivicDesk.Core.Calendars.PublishCalendar;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Sla;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Tests.Sla;

/// <summary>SLA services built by hand over one context, for tests that do not use the container.</summary>
internal static class SlaServices
{
    public static ISlaPolicy Policy(CivicDeskDbContext db, CatalogCache catalog) =>
        new CaseTypeSlaPolicy(
            new SlaSources(db, catalog), new DefaultSlaPolicy(db, catalog, Options.Create(new SlaOptions())));

    public static PublishCalendarHandler PublishCalendar(
        CivicDeskDbContext db,
        CatalogCache catalog,
        TimeProvider time)
    {
        ISlaPolicy policy = Policy(db, catalog);
        SlaRecomputation recomputation = new(
            db, policy, new SlaSources(db, catalog), new SlaTimerScheduler(db, policy, time), time);
        return new PublishCalendarHandler(
            db, catalog, recomputation, time, NullLogger<PublishCalendarHandler>.Instance);
    }
}
