using System.Text.Json.Serialization;
using CivicDesk.Web.Open311.Common;

namespace CivicDesk.Web.Open311.Discovery;

/// <summary>The service discovery document: who runs the API, how to get a key, and where the endpoints are.</summary>
internal sealed record DiscoveryView(
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("key_service")] string KeyService,
    [property: JsonPropertyName("endpoints")] IReadOnlyList<DiscoveryEndpointView> Endpoints) : IOpen311Body
{
    public static Type SchemaType => typeof(DiscoveryView);

    public void WriteTo(Open311Writer writer)
    {
        writer.StartRootRecord("discovery");
        writer.Text("changeset", Changeset);
        writer.Text("contact", Contact);
        writer.Text("key_service", KeyService);
        writer.StartList("endpoints");
        foreach (DiscoveryEndpointView endpoint in Endpoints)
        {
            writer.StartItem("endpoint");
            writer.Text("specification", endpoint.Specification);
            writer.Text("url", endpoint.Url);
            writer.Text("changeset", endpoint.Changeset);
            writer.Text("type", endpoint.Type);
            writer.StartList("formats");
            foreach (string format in endpoint.Formats)
            {
                writer.TextItem("format", format);
            }

            writer.End();
            writer.End();
        }

        writer.End();
        writer.End();
    }
}

internal sealed record DiscoveryEndpointView(
    [property: JsonPropertyName("specification")] string Specification,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("formats")] IReadOnlyList<string> Formats);
