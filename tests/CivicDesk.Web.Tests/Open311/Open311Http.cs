using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>One answer of the Open311 API, read whole.</summary>
internal sealed record Open311Answer(
    HttpStatusCode Status,
    string? MediaType,
    string? Charset,
    string Body,
    HttpResponseMessage Message)
{
    public int Code => (int)Status;

    public JsonElement Json()
    {
        using JsonDocument document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    public XDocument Xml() => XDocument.Parse(Body);

    /// <summary>The descriptions of an error list, whichever the format.</summary>
    public IReadOnlyList<string> ErrorDescriptions() => MediaType == "text/xml"
        ? [.. Xml().Root!.Elements("error").Select(e => (string)e.Element("description")!)]
        : [.. Json().EnumerateArray().Select(e => e.GetProperty("description").GetString()!)];
}

internal static class Open311Http
{
    public const string Base = "/open311/v2/";

    public static Task<Open311Answer> GetAsync(HttpClient client, string path) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)));

    public static Task<Open311Answer> PostFormAsync(
        HttpClient client,
        string path,
        IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields),
        });

    public static async Task<Open311Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return new Open311Answer(
                response.StatusCode,
                response.Content.Headers.ContentType?.MediaType,
                response.Content.Headers.ContentType?.CharSet,
                body,
                response);
        }
    }
}
