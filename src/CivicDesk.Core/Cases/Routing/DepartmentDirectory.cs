using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Cases.Routing;

/// <summary>
/// A jurisdiction's departments by code with their queues by code; a department's default queue is its first by
/// code, the queue new cases have always landed in. Read through the catalogue cache, like services.
/// </summary>
public sealed class DepartmentDirectory
{
    private readonly Dictionary<string, DepartmentEntry> _byCode;
    private readonly Dictionary<Guid, DepartmentEntry> _byId;

    private DepartmentDirectory(List<DepartmentEntry> departments)
    {
        Departments = departments;
        _byCode = departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _byId = departments.ToDictionary(d => d.Id);
    }

    /// <summary>By code.</summary>
    public IReadOnlyList<DepartmentEntry> Departments { get; }

    public DepartmentEntry? ByCode(string code) => _byCode.GetValueOrDefault(code);

    public DepartmentEntry? ById(Guid id) => _byId.GetValueOrDefault(id);

    public static async Task<DepartmentDirectory> LoadAsync(
        CivicDeskDbContext db,
        CatalogCache catalog,
        Guid jurisdictionId,
        CancellationToken cancellationToken) =>
        (await catalog.GetOrLoadAsync(
            $"departments:{jurisdictionId}",
            async token =>
            {
                var departments = await db.Departments.AsNoTracking().Where(d => d.JurisdictionId == jurisdictionId)
                    .OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(token);
                Guid[] ids = [.. departments.Select(d => d.Id)];
                var queues = await db.Queues.AsNoTracking().Where(q => ids.Contains(q.DepartmentId))
                    .OrderBy(q => q.Code).Select(q => new { q.Id, q.DepartmentId, q.Code, q.Name }).ToListAsync(token);
                return new DepartmentDirectory([.. departments.Select(d => new DepartmentEntry(
                    d.Id,
                    d.Code,
                    d.Name,
                    [.. queues.Where(q => q.DepartmentId == d.Id)
                        .Select(q => new QueueEntry(q.Id, q.Code, q.Name))]))]);
            },
            cancellationToken))!;
}

/// <summary>A department and its queues by code; the first is the default.</summary>
public sealed record DepartmentEntry(Guid Id, string Code, string Name, IReadOnlyList<QueueEntry> Queues)
{
    public QueueEntry? DefaultQueue => Queues.Count > 0 ? Queues[0] : null;

    public QueueEntry? Queue(string code) => Queues.FirstOrDefault(q => q.Code == code);

    public QueueEntry? Queue(Guid id) => Queues.FirstOrDefault(q => q.Id == id);
}

public sealed record QueueEntry(Guid Id, string Code, string Name);
