using System.Text.Json.Serialization;
using CivicDesk.Web.Open311.Common;

namespace CivicDesk.Web.Open311.Requests;

/// <summary>
/// The answer to a POST: the new request's id at once (CivicDesk is a <c>realtime</c> server, so it never
/// answers a token). <c>service_notice</c> and <c>account_id</c>, which the spec says may not be returned,
/// are left out because CivicDesk has neither.
/// </summary>
internal sealed record RequestReceiptView(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId) : IOpen311Body
{
    public static Type SchemaType => typeof(RequestReceiptView[]);

    public void WriteTo(Open311Writer writer)
    {
        writer.StartRootList("service_requests");
        writer.StartItem("request");
        writer.Text("service_request_id", ServiceRequestId);
        writer.End();
        writer.End();
    }
}
