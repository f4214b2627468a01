using System.Text.Json.Serialization;
using CivicDesk.Web.Open311.Common;

namespace CivicDesk.Web.Open311.Services;

/// <summary>One service. Every service is <c>realtime</c>: a POST answers the request's id at once.</summary>
internal sealed record ServiceView(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string? Keywords,
    [property: JsonPropertyName("group")] string? Group);

/// <summary>The service list: <c>[{…}]</c> in JSON, <c>&lt;services&gt;&lt;service&gt;…</c> in XML.</summary>
internal sealed record ServiceList(IReadOnlyList<ServiceView> Services) : IOpen311Body
{
    public static Type SchemaType => typeof(ServiceView[]);

    public void WriteTo(Open311Writer writer)
    {
        writer.StartRootList("services");
        foreach (ServiceView service in Services)
        {
            writer.StartItem("service");
            writer.Text("service_code", service.ServiceCode);
            writer.Text("service_name", service.ServiceName);
            writer.Text("description", service.Description);
            writer.Boolean("metadata", service.Metadata);
            writer.Text("type", service.Type);
            writer.Text("keywords", service.Keywords);
            writer.Text("group", service.Group);
            writer.End();
        }

        writer.End();
    }
}
