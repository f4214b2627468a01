using System.Text.Json.Serialization;
using CivicDesk.Web.Open311.Common;

namespace CivicDesk.Web.Open311.Requests;

/// <summary>
/// One service request as the public may see it. Holds no contact or other personal data: only what the
/// spec lists, with dates in the jurisdiction's local offset.
/// </summary>
internal sealed record RequestView(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("agency_responsible")] string AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime")] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] string UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] string? ExpectedDatetime,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("address_id")] string? AddressId,
    [property: JsonPropertyName("zipcode")] string? Zipcode,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("long")] double? Long,
    [property: JsonPropertyName("media_url")] string? MediaUrl);

/// <summary>Requests: <c>[{…}]</c> in JSON, <c>&lt;service_requests&gt;&lt;request&gt;…</c> in XML.</summary>
internal sealed record RequestList(IReadOnlyList<RequestView> Requests) : IOpen311Body
{
    public static Type SchemaType => typeof(RequestView[]);

    public void WriteTo(Open311Writer writer)
    {
        writer.StartRootList("service_requests");
        foreach (RequestView request in Requests)
        {
            writer.StartItem("request");
            writer.Text("service_request_id", request.ServiceRequestId);
            writer.Text("status", request.Status);
            writer.Text("status_notes", request.StatusNotes);
            writer.Text("service_name", request.ServiceName);
            writer.Text("service_code", request.ServiceCode);
            writer.Text("description", request.Description);
            writer.Text("agency_responsible", request.AgencyResponsible);
            writer.Text("service_notice", request.ServiceNotice);
            writer.Text("requested_datetime", request.RequestedDatetime);
            writer.Text("updated_datetime", request.UpdatedDatetime);
            writer.Text("expected_datetime", request.ExpectedDatetime);
            writer.Text("address", request.Address);
            writer.Text("address_id", request.AddressId);
            writer.Text("zipcode", request.Zipcode);
            writer.Number("lat", request.Lat);
            writer.Number("long", request.Long);
            writer.Text("media_url", request.MediaUrl);
            writer.End();
        }

        writer.End();
    }
}
