using System.Text.Json.Serialization;
using CivicDesk.Web.Open311.Common;

namespace CivicDesk.Web.Open311.Services;

/// <summary>A service definition: the service's questions as Open311 attributes.</summary>
internal sealed record ServiceDefinitionView(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes")] IReadOnlyList<AttributeView> Attributes) : IOpen311Body
{
    public static Type SchemaType => typeof(ServiceDefinitionView);

    public void WriteTo(Open311Writer writer)
    {
        writer.StartRootRecord("service_definition");
        writer.Text("service_code", ServiceCode);
        writer.StartList("attributes");
        foreach (AttributeView attribute in Attributes)
        {
            writer.StartItem("attribute");
            writer.Boolean("variable", attribute.Variable);
            writer.Text("code", attribute.Code);
            writer.Text("datatype", attribute.Datatype);
            writer.Boolean("required", attribute.Required);
            writer.Text("datatype_description", attribute.DatatypeDescription);
            writer.Integer("order", attribute.Order);
            writer.Text("description", attribute.Description);
            if (attribute.Values is { } values)
            {
                writer.StartList("values");
                foreach (AttributeValueView value in values)
                {
                    writer.StartItem("value");
                    writer.Text("key", value.Key);
                    writer.Text("name", value.Name);
                    writer.End();
                }

                writer.End();
            }

            writer.End();
        }

        writer.End();
        writer.End();
    }
}

/// <summary>One attribute. <see cref="Values"/> is present only for the two list datatypes.</summary>
internal sealed record AttributeView(
    [property: JsonPropertyName("variable")] bool Variable,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("datatype_description")] string? DatatypeDescription,
    [property: JsonPropertyName("order")] int Order,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("values")] IReadOnlyList<AttributeValueView>? Values);

internal sealed record AttributeValueView(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string Name);
