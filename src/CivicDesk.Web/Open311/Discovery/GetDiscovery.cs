using CivicDesk.Core.Common;
using CivicDesk.Web.Hosting;
using CivicDesk.Web.Open311.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Web.Open311.Discovery;

/// <summary><c>GET /open311/v2/discovery.{format}</c>: the spec's service discovery document.</summary>
internal static class GetDiscovery
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static Results<Open311Ok<DiscoveryView>, Open311Errors> Handle(
        string format,
        [FromServices] IOptions<Open311Options> options,
        [FromServices] IOptions<PublicUrlOptions> publicUrl,
        [FromServices] DiscoveryChangeset changeset)
    {
        if (!Open311Formats.TryParse(format, out Open311Format chosen))
        {
            return Open311Endpoints.UnknownFormat(format);
        }

        Open311Options settings = options.Value;
        string url = settings.PublicUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : publicUrl.Value.Absolute(Open311Endpoints.BasePath);
        DiscoveryEndpointView endpoint = new(
            Specification,
            url,
            changeset.Value,
            settings.EndpointType,
            [Open311Formats.XmlContentType.Split(';')[0], Open311Formats.JsonContentType.Split(';')[0]]);
        DiscoveryView view = new(changeset.Value, settings.Contact, settings.KeyService, [endpoint]);
        return new Open311Ok<DiscoveryView>(view, chosen);
    }
}

/// <summary>
/// The discovery changeset: when this process started, in UTC.
/// </summary>
// Limitation: the catalogue keeps no time of its last change, so the changeset moves on every restart
// rather than when services change; clients at worst re-read the definitions. A catalogue version would lift it.
internal sealed class DiscoveryChangeset(TimeProvider time)
{
    public string Value { get; } = Open311Dates.Format(time.GetCurrentInstant(), DateTimeZone.Utc);
}
