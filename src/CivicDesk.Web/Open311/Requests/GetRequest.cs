using CivicDesk.Web.Open311.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Open311.Requests;

/// <summary><c>GET /open311/v2/requests/{service_request_id}.{format}</c>: one request, as a list of one.</summary>
internal static class GetRequest
{
    public static async Task<Results<Open311Ok<RequestList>, Open311Errors>> HandleAsync(
        [FromRoute(Name = "service_request_id")] string serviceRequestId,
        string format,
        HttpRequest request,
        [FromServices] JurisdictionLookup jurisdictions,
        [FromServices] RequestQueries queries,
        [FromServices] IOptions<Open311Options> options,
        CancellationToken cancellationToken)
    {
        Open311Call call = await Open311Call.BeginAsync(
            format, Open311Parameters.From(request), jurisdictions, cancellationToken);
        if (call.Error is { } error)
        {
            return error;
        }

        RequestView? found = serviceRequestId.Contains('\0', StringComparison.Ordinal)
            ? null
            : await queries.FindAsync(
                call.Jurisdiction!,
                serviceRequestId.Trim(),
                PublicSite.From(request, options.Value),
                cancellationToken);
        return found is null
            ? Open311Errors.NotFound(
                call.Format, $"service_request_id '{Open311Text.Echo(serviceRequestId)}' was not found.")
            : new Open311Ok<RequestList>(new RequestList([found]), call.Format);
    }
}
