using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using CivicDesk.Web.Open311.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Web.Open311.Services;

/// <summary><c>GET /open311/v2/services/{service_code}.{format}</c>: a service's questions as attributes.</summary>
internal static class GetServiceDefinition
{
    public static async Task<Results<Open311Ok<ServiceDefinitionView>, Open311Errors>> HandleAsync(
        [FromRoute(Name = "service_code")] string serviceCode,
        string format,
        HttpRequest request,
        [FromServices] JurisdictionLookup jurisdictions,
        [FromServices] CivicDeskDbContext db,
        CancellationToken cancellationToken)
    {
        Open311Call call = await Open311Call.BeginAsync(
            format, Open311Parameters.From(request), jurisdictions, cancellationToken);
        if (call.Error is { } error)
        {
            return error;
        }

        Guid jurisdictionId = call.Jurisdiction!.Id;
        Service? service = serviceCode.Contains('\0', StringComparison.Ordinal)
            ? null
            : await db.Services.AsNoTracking().AsSplitQuery()
                .Include(s => s.Questions).ThenInclude(q => q.Options)
                .SingleOrDefaultAsync(
                    s => s.JurisdictionId == jurisdictionId && s.Code == serviceCode && s.IsActive,
                    cancellationToken);
        if (service is null)
        {
            return Open311Errors.NotFound(
                call.Format, $"service_code '{Open311Text.Echo(serviceCode)}' was not found.");
        }

        List<AttributeView> attributes = [.. service.Questions.OrderBy(q => q.Order).Select(ToAttribute)];
        return new Open311Ok<ServiceDefinitionView>(new ServiceDefinitionView(service.Code, attributes), call.Format);
    }

    private static AttributeView ToAttribute(ServiceQuestion question) => new(
        Variable: true,
        question.Code,
        DatatypeName(question.Datatype),
        question.IsRequired,
        question.DatatypeDescription.Length == 0 ? null : question.DatatypeDescription,
        question.Order,
        question.Label,
        question.HasOptions
            ? [.. question.Options.OrderBy(o => o.Order).Select(o => new AttributeValueView(o.Key, o.Name))]
            : null);

    private static string DatatypeName(QuestionDatatype datatype) => datatype switch
    {
        QuestionDatatype.String => "string",
        QuestionDatatype.Number => "number",
        QuestionDatatype.Datetime => "datetime",
        QuestionDatatype.Text => "text",
        QuestionDatatype.SingleValueList => "singlevaluelist",
        QuestionDatatype.MultiValueList => "multivaluelist",
    };
}
