using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>
/// Checks an answer against the spec: JSON against the Open311 JSON Schemas, XML against the hand-written
/// XSDs, and the two formats against each other through the spec's Spark convention.
/// </summary>
internal static class Open311Contract
{
    public const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <summary>The XML elements whose children form a JSON array (the "⇊" fields of the spec).</summary>
    private static readonly HashSet<string> ListElements =
        ["services", "service_requests", "errors", "attributes", "values", "endpoints", "formats"];

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Open311", "Schemas");
    private static readonly Lazy<Dictionary<string, JsonSchema>> JsonSchemas = new(LoadJsonSchemas);

    public static void AssertJsonValid(Open311Answer answer, string schemaFile)
    {
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal("utf-8", answer.Charset);
        EvaluationResults results = JsonSchemas.Value[schemaFile].Evaluate(
            answer.Json(),
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        string problems = string.Join(
            "; ",
            (results.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        Assert.True(results.IsValid, $"{schemaFile}: {problems}\n{answer.Body}");
    }

    public static void AssertXmlValid(Open311Answer answer, string xsdFile)
    {
        Assert.Equal("text/xml", answer.MediaType);
        Assert.Equal("utf-8", answer.Charset);
        Assert.StartsWith(XmlDeclaration, answer.Body, StringComparison.Ordinal);
        XmlSchemaSet schemas = new() { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(Folder, xsdFile));
        schemas.Compile();
        List<string> problems = [];
        answer.Xml().Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.True(problems.Count == 0, $"{xsdFile}: {string.Join("; ", problems)}\n{answer.Body}");
    }

    /// <summary>Asserts that the XML answer, read by the Spark convention, says what the JSON answer says.</summary>
    public static void AssertSameContent(Open311Answer json, Open311Answer xml)
    {
        JsonNode? fromXml = FromXml(xml.Xml().Root!, isRoot: true);
        JsonNode? fromJson = Textual(JsonNode.Parse(json.Body));
        Assert.True(
            JsonNode.DeepEquals(fromJson, fromXml),
            $"JSON and XML differ.\nJSON: {fromJson?.ToJsonString()}\nXML:  {fromXml?.ToJsonString()}");
    }

    private static JsonNode? FromXml(XElement element, bool isRoot)
    {
        if (ListElements.Contains(element.Name.LocalName))
        {
            return new JsonArray([.. element.Elements().Select(e => FromXml(e, isRoot: false))]);
        }

        if (element.HasElements || isRoot)
        {
            JsonObject record = [];
            foreach (XElement child in element.Elements())
            {
                record[child.Name.LocalName] = FromXml(child, isRoot: false);
            }

            return record;
        }

        return element.Value.Length == 0 ? null : JsonValue.Create(element.Value);
    }

    /// <summary>Turns every scalar into the text XML would carry: numbers as written, booleans as true/false.</summary>
    private static JsonNode? Textual(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => new JsonArray([.. array.Select(Textual)]),
        JsonObject record => new JsonObject(record.Select(p => KeyValuePair.Create(p.Key, Textual(p.Value)))),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(value.GetValue<string>()),
            JsonValueKind.True => JsonValue.Create("true"),
            JsonValueKind.False => JsonValue.Create("false"),
            JsonValueKind.Number => JsonValue.Create(value.ToJsonString()),
            _ => null,
        },
        _ => throw new InvalidOperationException("Unexpected JSON node."),
    };

    private static Dictionary<string, JsonSchema> LoadJsonSchemas()
    {
        BuildOptions options = new();
        Dictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);

        // Referenced files first, so that requests.json and services.json find them by their relative $ref.
        string[] files =
        [
            "request.json", "service.json", "requests.json", "services.json", "service-definition.json",
            "request-responses.json", "token-responses.json", "discovery.json", "errors.json",
        ];
        foreach (string file in files)
        {
            Uri id = new($"https://civicdesk.test/open311/schemas/{file}");
            JsonSchema schema = JsonSchema.FromFile(Path.Combine(Folder, file), options, id);
            options.SchemaRegistry.Register(id, schema);
            schemas[file] = schema;
        }

        return schemas;
    }
}
