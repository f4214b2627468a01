using CivicDesk.Core.Cases.Scope;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace CivicDesk.Core.Cases.GetCase;

/// <summary>An attachment's cleaned bytes; the caller disposes the stream.</summary>
public sealed record CasePhoto(string ContentType, Stream Content);

/// <summary>Opens a photo of a case inside the caller's scope; anything else is not found.</summary>
public sealed class GetCasePhotoHandler(CivicDeskDbContext db, StaffScopes scopes, IFileStore files)
{
    public async Task<Result<CasePhoto>> HandleAsync(
        StaffCaller caller,
        Guid caseId,
        Guid photoId,
        CancellationToken cancellationToken)
    {
        StaffScope? scope = await scopes.ForAsync(caller, cancellationToken);
        CaseAttachment? photo = scope is null
            ? null
            : await (from a in db.CaseAttachments.AsNoTracking()
                     join c in scope.Cases(db.Cases) on a.CaseId equals c.Id
                     where a.Id == photoId && a.CaseId == caseId
                     select a).SingleOrDefaultAsync(cancellationToken);
        Stream? content = photo is null ? null : await files.OpenReadAsync(photo.StorageKey, cancellationToken);
        if (photo is null || content is null)
        {
            return new NotFound("Photo");
        }

        return new CasePhoto(photo.ContentType, content);
    }
}
