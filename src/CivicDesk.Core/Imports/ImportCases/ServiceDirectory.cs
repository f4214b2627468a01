using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// Where an imported case belongs: its service, department and queue, and the case type version its service's new
/// cases are pinned to (null for a service without one).
/// </summary>
internal readonly record struct CasePlace(
    Guid ServiceId,
    Guid DepartmentId,
    Guid QueueId,
    PinnedCaseType? CaseType);

/// <summary>
/// The jurisdiction's services and departments by code, loaded once per run. A type or agency the catalogue
/// does not know is created on first sight: an inactive (historical) service, a department with the queues a
/// seeded department has (<c>main</c>, and <c>supervisor-review</c> where the 311 case type's breach escalation
/// sends a late case). Both are written in the run's current transaction. Each service's case type is resolved
/// once, as intake resolves it (<see cref="CaseTypeResolver"/>), so pinning costs no round trip per row.
/// </summary>
internal sealed class ServiceDirectory(
    CivicDeskDbContext db,
    TimeProvider time,
    CaseTypeResolver caseTypes,
    Guid jurisdictionId,
    string sourceSystem)
{
    private const int HistoricalRank = 1000;
    private readonly Dictionary<string, ServiceEntry> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Guid Id, Guid QueueId)> _departments = new(StringComparer.Ordinal);

    public List<string> ServicesCreated { get; } = [];

    public List<string> DepartmentsCreated { get; } = [];

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.Where(d => d.JurisdictionId == jurisdictionId)
            .Join(db.Queues.Where(q => q.Code == "main"), d => d.Id, q => q.DepartmentId,
                (d, q) => new { d.Code, d.Id, QueueId = q.Id })
            .ToListAsync(cancellationToken);
        foreach (var department in departments)
        {
            _departments[department.Code] = (department.Id, department.QueueId);
        }

        var services = await db.Services.Where(s => s.JurisdictionId == jurisdictionId)
            .Select(s => new { s.Code, s.Id, s.DepartmentId })
            .ToListAsync(cancellationToken);
        foreach (var service in services)
        {
            _services[service.Code] = new ServiceEntry(
                service.Id, service.DepartmentId, await CaseTypeAsync(service.Code, cancellationToken));
        }
    }

    /// <summary>
    /// The place of a case of the service <paramref name="serviceCode"/> (derived from the source's
    /// <paramref name="typeName"/>) handled by <paramref name="departmentCode"/>, or by the service's own
    /// department when the source names none.
    /// </summary>
    public async ValueTask<CasePlace> PlaceAsync(
        string serviceCode,
        string typeName,
        string? departmentCode,
        string? departmentName,
        CancellationToken cancellationToken)
    {
        (Guid Id, Guid QueueId)? department = string.IsNullOrEmpty(departmentCode)
            ? null
            : await DepartmentAsync(departmentCode, departmentName, cancellationToken);
        if (!_services.TryGetValue(serviceCode, out ServiceEntry? service))
        {
            department ??= await DepartmentAsync(sourceSystem, null, cancellationToken);
            service = await AddServiceAsync(serviceCode, typeName, department.Value.Id, cancellationToken);
        }

        if (department is null)
        {
            Guid owner = service.DepartmentId;
            Guid queue = _departments.Values.First(d => d.Id == owner).QueueId;
            department = (owner, queue);
        }

        return new CasePlace(service.Id, department.Value.Id, department.Value.QueueId, service.CaseType);
    }

    private async ValueTask<(Guid Id, Guid QueueId)> DepartmentAsync(
        string code,
        string? name,
        CancellationToken cancellationToken)
    {
        if (_departments.TryGetValue(code, out (Guid Id, Guid QueueId) known))
        {
            return known;
        }

        Department department = new(time.NewId(), jurisdictionId, code, string.IsNullOrEmpty(name) ? code : name);
        Queue queue = new(time.NewId(), department.Id, "main", code + " main queue");
        db.Departments.Add(department);
        db.Queues.Add(queue);
        db.Queues.Add(new Queue(time.NewId(), department.Id, "supervisor-review", code + " supervisor review"));
        await db.SaveChangesAsync(cancellationToken);
        _departments[code] = (department.Id, queue.Id);
        DepartmentsCreated.Add(code);
        return (department.Id, queue.Id);
    }

    private async ValueTask<ServiceEntry> AddServiceAsync(
        string code,
        string typeName,
        Guid departmentId,
        CancellationToken cancellationToken)
    {
        Service service = new(
            time.NewId(), jurisdictionId, departmentId, code, typeName,
            $"Known only from history imported from {sourceSystem}; not offered to residents.",
            "Historical", string.Empty, isActive: false, HistoricalRank + ServicesCreated.Count);
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        ServiceEntry entry = new(service.Id, departmentId, await CaseTypeAsync(code, cancellationToken));
        _services[code] = entry;
        ServicesCreated.Add(code);
        return entry;
    }

    private Task<PinnedCaseType?> CaseTypeAsync(string serviceCode, CancellationToken cancellationToken) =>
        caseTypes.ForServiceAsync(jurisdictionId, serviceCode, cancellationToken);

    private sealed record ServiceEntry(Guid Id, Guid DepartmentId, PinnedCaseType? CaseType);
}
