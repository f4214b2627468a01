using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CivicDesk.Core.Catalog.SeedCatalog;

/// <summary>
/// Creates a jurisdiction with its departments, queues, services, questions and translations from a
/// catalogue file. A jurisdiction that already exists is left as it is, so running it twice seeds once.
/// </summary>
public sealed class SeedCatalogHandler(CivicDeskDbContext db, TimeProvider time, ILogger<SeedCatalogHandler> logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Seeds from <paramref name="catalogPath"/>; translations come from files beside it named
    /// like <c>nyc.es.json</c>. Returns the jurisdiction's id and whether it was created now.</summary>
    public async Task<(Guid JurisdictionId, bool Created)> HandleAsync(
        string catalogPath,
        CancellationToken cancellationToken)
    {
        CatalogFile catalog = await ReadAsync<CatalogFile>(catalogPath, cancellationToken);
        Guid? existing = await db.Jurisdictions.Where(j => j.Code == catalog.Jurisdiction.Code)
            .Select(j => (Guid?)j.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is Guid id)
        {
            return (id, false);
        }

        JurisdictionEntry entry = catalog.Jurisdiction;
        Jurisdiction jurisdiction = new(
            time.NewId(), entry.Code, entry.Name, entry.Open311Id, entry.TimeZone, entry.Country,
            new GeoBounds(
                entry.Bounds.SouthLatitude,
                entry.Bounds.WestLongitude,
                entry.Bounds.NorthLatitude,
                entry.Bounds.EastLongitude));
        db.Jurisdictions.Add(jurisdiction);
        Dictionary<string, Department> departments = AddDepartments(jurisdiction, catalog.Departments);
        foreach (ServiceEntry service in catalog.Services)
        {
            db.Services.Add(BuildService(jurisdiction.Id, departments[service.Department].Id, service));
        }

        await AddTranslationsAsync(jurisdiction.Id, catalogPath, cancellationToken);
        Instant now = time.GetCurrentInstant();
        db.AuditEntries.Add(new AuditEntry(
            time.NewId(), now, Actor.System, "jurisdiction.seeded", "jurisdiction", jurisdiction.Id)
        {
            Detail = JsonSerializer.Serialize(new { code = entry.Code, services = catalog.Services.Count }),
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.CatalogSeeded(logger, entry.Code, catalog.Services.Count);
        return (jurisdiction.Id, true);
    }

    /// <summary>The service code an importer derives from a source's type name: lower case, hyphen-joined.</summary>
    public static string ServiceCodeFor(string typeName)
    {
        System.Text.StringBuilder code = new(typeName.Length);
        foreach (char c in typeName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                code.Append(c);
            }
            else if (code.Length > 0 && code[^1] != '-')
            {
                code.Append('-');
            }
        }

        return code.ToString().TrimEnd('-');
    }

    private Dictionary<string, Department> AddDepartments(
        Jurisdiction jurisdiction,
        IReadOnlyList<DepartmentEntry> entries)
    {
        Dictionary<string, Department> departments = new(StringComparer.Ordinal);
        foreach (DepartmentEntry entry in entries)
        {
            Department department = new(time.NewId(), jurisdiction.Id, entry.Code, entry.Name);
            departments[entry.Code] = department;
            db.Departments.Add(department);
            db.Queues.Add(new Queue(time.NewId(), department.Id, "main", entry.Code + " main queue"));

            // Where the 311 case type's breach escalation sends a late case (reassign-to), in every department.
            db.Queues.Add(new Queue(
                time.NewId(), department.Id, "supervisor-review", entry.Code + " supervisor review"));
        }

        return departments;
    }

    private Service BuildService(Guid jurisdictionId, Guid departmentId, ServiceEntry entry)
    {
        Service service = new(
            time.NewId(), jurisdictionId, departmentId, entry.Code, entry.Name, entry.Description,
            entry.Group, entry.Keywords, isActive: true, entry.Rank);
        foreach (QuestionEntry q in entry.Questions)
        {
            QuestionDatatype datatype = Enum.Parse<QuestionDatatype>(q.Datatype, ignoreCase: true);
            ServiceQuestion question = new(time.NewId(), q.Code, q.Label, datatype, q.Required, q.Order, string.Empty);
            int order = 0;
            foreach (OptionEntry option in q.Options ?? [])
            {
                question.AddOption(new QuestionOption(time.NewId(), option.Key, option.Name, ++order));
            }

            service.AddQuestion(question);
        }

        return service;
    }

    private async Task AddTranslationsAsync(
        Guid jurisdictionId,
        string catalogPath,
        CancellationToken cancellationToken)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(catalogPath))!;
        string stem = Path.GetFileNameWithoutExtension(catalogPath);
        foreach (string path in Directory.EnumerateFiles(folder, stem + ".*.json"))
        {
            string culture = Path.GetFileNameWithoutExtension(path)[(stem.Length + 1)..];
            Dictionary<string, string> texts = await ReadAsync<Dictionary<string, string>>(path, cancellationToken);
            foreach ((string key, string text) in texts)
            {
                db.LocalizedTexts.Add(new LocalizedText(time.NewId(), jurisdictionId, culture, key, text));
            }
        }
    }

    private static async Task<T> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, JsonOptions, cancellationToken)
            ?? throw new InvalidDataException($"The catalogue file {Path.GetFileName(path)} is empty.");
    }
}
