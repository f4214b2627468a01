using System.Globalization;
using CivicDesk.Bench.Import;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Bench.Sla;

/// <summary>
/// Writes the open cases of the database part: pinned to the NYC 311 case type, spread over the services the
/// type gives its own targets and over the 90 days before now, each with its Created event, some put on hold.
/// Written through EF Core in batches; set-up, not measured.
/// </summary>
internal static class SlaBenchCases
{
    private const int Batch = 5_000;

    public static async Task AddAsync(
        BenchDatabase database,
        Guid jurisdictionId,
        PinnedCaseType pin,
        int count,
        CancellationToken cancellationToken)
    {
        List<Service> services;
        Dictionary<Guid, Guid> queues;
        await using (CivicDeskDbContext db = database.CreateContext())
        {
            services = await db.Services.AsNoTracking().Where(s => s.JurisdictionId == jurisdictionId)
                .ToListAsync(cancellationToken);
            queues = (await db.Queues.AsNoTracking().ToListAsync(cancellationToken))
                .GroupBy(q => q.DepartmentId).ToDictionary(g => g.Key, g => g.First().Id);
        }

        Random random = new(20261205);
        Instant now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        for (int start = 0; start < count; start += Batch)
        {
            await using CivicDeskDbContext db = database.CreateContext();
            for (int i = start; i < Math.Min(count, start + Batch); i++)
            {
                Service service = services[random.Next(services.Count)];
                Instant opened = now - Duration.FromSeconds(random.NextInt64(90L * 24 * 3600));
                NewCase details = new(
                    Guid.CreateVersion7(), jurisdictionId, service.Id, service.DepartmentId,
                    queues[service.DepartmentId], string.Create(CultureInfo.InvariantCulture, $"SLA-{i:D8}"),
                    Channel.Phone, "Synthetic bench case", new CaseLocation(null, "1 Bench Street", null, "10007"),
                    CaseAnswers.Empty, null, opened)
                {
                    CaseType = pin,
                };
                (Case created, CaseEvent first) = Case.Submit(details, Actor.System, Guid.CreateVersion7());
                db.Cases.Add(created);
                db.CaseEvents.Add(first);
                if (i % 4 == 0)
                {
                    db.CaseEvents.Add(created.ChangeStatus(
                        CaseStatus.OnHold, null, Actor.System, Guid.CreateVersion7(), opened + Duration.FromHours(1)));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
