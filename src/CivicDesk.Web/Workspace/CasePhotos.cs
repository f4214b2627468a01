using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Common;
using NotFound = Microsoft.AspNetCore.Http.HttpResults.NotFound;
using CivicDesk.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicDesk.Web.Workspace;

/// <summary>Serves a case's photos to staff who may see the case; the copies kept hold no location metadata.</summary>
internal static class CasePhotos
{
    public static async Task<Results<FileStreamHttpResult, NotFound>> GetAsync(
        Guid caseId,
        Guid photoId,
        HttpContext context,
        GetCasePhotoHandler handler,
        CancellationToken cancellationToken)
    {
        Result<CasePhoto> result = await handler.HandleAsync(
            StaffClaims.Caller(context), caseId, photoId, cancellationToken);
        if (!result.TryGetValue(out CasePhoto? photo, out _))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(photo.Content, photo.ContentType);
    }
}
