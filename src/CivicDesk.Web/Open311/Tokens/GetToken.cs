using CivicDesk.Web.Open311.Common;
using CivicDesk.Web.Open311.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicDesk.Web.Open311.Tokens;

/// <summary>
/// <c>GET /open311/v2/tokens/{token}.{format}</c>. CivicDesk answers every POST with the request's id at
/// once, so it never hands out tokens of its own; a token here is the case's opaque id (a UUID, as in a
/// resident's private tracking link), and resolves to the case's <c>service_request_id</c>.
/// </summary>
internal static class GetToken
{
    public static async Task<Results<Open311Ok<TokenView>, Open311Errors>> HandleAsync(
        string token,
        string format,
        HttpRequest request,
        [FromServices] JurisdictionLookup jurisdictions,
        [FromServices] RequestQueries queries,
        CancellationToken cancellationToken)
    {
        Open311Call call = await Open311Call.BeginAsync(
            format, Open311Parameters.From(request), jurisdictions, cancellationToken);
        if (call.Error is { } error)
        {
            return error;
        }

        string? reference = Guid.TryParse(token, out Guid caseId)
            ? await queries.FindReferenceAsync(call.Jurisdiction!.Id, caseId, cancellationToken)
            : null;
        return reference is null
            ? Open311Errors.NotFound(call.Format, $"token '{Open311Text.Echo(token)}' was not found.")
            : new Open311Ok<TokenView>(new TokenView(reference, caseId.ToString()), call.Format);
    }
}
