using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Catalog.GetCatalog;

/// <summary>
/// Reads a jurisdiction's active services with their questions and options, each text in the asked
/// language when a translation exists and in its source text otherwise.
/// </summary>
public sealed class GetCatalogHandler(CivicDeskDbContext db)
{
    public async Task<Result<CatalogView>> HandleAsync(GetCatalog query, CancellationToken cancellationToken)
    {
        var jurisdiction = await db.Jurisdictions.AsNoTracking()
            .Where(j => j.Code == query.JurisdictionCode)
            .Select(j => new { j.Id, j.Name, j.TimeZoneId })
            .SingleOrDefaultAsync(cancellationToken);
        if (jurisdiction is null)
        {
            return new NotFound("Jurisdiction");
        }

        List<Service> services = await db.Services.AsNoTracking()
            .Include(s => s.Questions).ThenInclude(q => q.Options)
            .Where(s => s.JurisdictionId == jurisdiction.Id && s.IsActive)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        Dictionary<Guid, Department> departments = await db.Departments.AsNoTracking()
            .Where(d => d.JurisdictionId == jurisdiction.Id)
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        Translations texts = await Translations.LoadAsync(db, jurisdiction.Id, query.Culture, cancellationToken);

        List<ServiceView> views = services
            .OrderBy(s => s.Rank).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => ToView(s, departments[s.DepartmentId], texts))
            .ToList();
        return new CatalogView(
            jurisdiction.Id,
            texts.Get(CatalogTextKeys.JurisdictionName(), jurisdiction.Name),
            jurisdiction.TimeZoneId,
            views);
    }

    private static ServiceView ToView(Service service, Department department, Translations texts)
    {
        string code = service.Code;
        List<QuestionView> questions = service.Questions
            .OrderBy(q => q.Order)
            .Select(q => new QuestionView(
                q.Code,
                texts.Get(CatalogTextKeys.QuestionLabel(code, q.Code), q.Label),
                q.Datatype,
                q.IsRequired,
                q.Options.OrderBy(o => o.Order)
                    .Select(o => new OptionView(
                        o.Key, texts.Get(CatalogTextKeys.OptionName(code, q.Code, o.Key), o.Name)))
                    .ToList()))
            .ToList();
        return new ServiceView(
            code,
            texts.Get(CatalogTextKeys.ServiceName(code), service.Name),
            texts.Get(CatalogTextKeys.ServiceDescription(code), service.Description),
            texts.Get(CatalogTextKeys.ServiceGroup(code), service.Group),
            service.Keywords,
            texts.Get(CatalogTextKeys.DepartmentName(department.Code), department.Name),
            service.Rank,
            questions);
    }
}
