using System.Text.Json.Serialization;
using CivicDesk.Web.Open311.Common;

namespace CivicDesk.Web.Open311.Tokens;

/// <summary>A token resolved to the request's id.</summary>
internal sealed record TokenView(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token) : IOpen311Body
{
    public static Type SchemaType => typeof(TokenView[]);

    public void WriteTo(Open311Writer writer)
    {
        writer.StartRootList("service_requests");
        writer.StartItem("request");
        writer.Text("service_request_id", ServiceRequestId);
        writer.Text("token", Token);
        writer.End();
        writer.End();
    }
}
