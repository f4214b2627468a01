using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Web.Open311.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Web.Open311.Services;

/// <summary><c>GET /open311/v2/services.{format}</c>: the services residents and partners may request.</summary>
// Limitation: names and descriptions are the catalogue's source language (English for the demo); the
// spec has no locale parameter. An Accept-Language reading of the catalogue's translations would lift it.
internal static class GetServices
{
    public static async Task<Results<Open311Ok<ServiceList>, Open311Errors>> HandleAsync(
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

        Jurisdiction jurisdiction = call.Jurisdiction!;
        List<ServiceView> services = await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdiction.Id && s.IsActive)
            .OrderBy(s => s.Rank).ThenBy(s => s.Code)
            .Select(s => new ServiceView(
                s.Code,
                s.Name,
                s.Description == string.Empty ? null : s.Description,
                s.Questions.Any(),
                "realtime",
                s.Keywords == string.Empty ? null : s.Keywords,
                s.Group == string.Empty ? null : s.Group))
            .ToListAsync(cancellationToken);
        return new Open311Ok<ServiceList>(new ServiceList(services), call.Format);
    }
}
