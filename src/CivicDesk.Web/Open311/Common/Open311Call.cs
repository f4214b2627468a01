using CivicDesk.Core.Common;
using CivicDesk.Core.Jurisdictions;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// What every Open311 call settles first: the format from the suffix, parameters that could not be read,
/// and the jurisdiction. Exactly one of <see cref="Jurisdiction"/> and <see cref="Error"/> is set.
/// </summary>
internal sealed record Open311Call(Open311Format Format, Jurisdiction? Jurisdiction, Open311Errors? Error)
{
    public static async Task<Open311Call> BeginAsync(
        string format,
        Open311Parameters parameters,
        JurisdictionLookup jurisdictions,
        CancellationToken cancellationToken)
    {
        if (!Open311Formats.TryParse(format, out Open311Format chosen))
        {
            return new Open311Call(Open311Format.Json, null, Open311Endpoints.UnknownFormat(format));
        }

        string? jurisdictionId = parameters.Single(JurisdictionLookup.Field);
        if (parameters.Errors.Count > 0)
        {
            return new Open311Call(chosen, null, Open311Errors.BadRequest(chosen, [.. parameters.Errors]));
        }

        Result<Jurisdiction> found = await jurisdictions.FindAsync(jurisdictionId, cancellationToken);
        return found.TryGetValue(out Jurisdiction? jurisdiction, out Error? error)
            ? new Open311Call(chosen, jurisdiction, null)
            : new Open311Call(chosen, null, Open311Errors.From(error, chosen));
    }
}
