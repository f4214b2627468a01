using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace CivicDesk.Web.Tests.Portal;

/// <summary>Drives the portal's request form as a browser without JavaScript would.</summary>
internal static partial class PortalForms
{
    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public static async Task<FormTokens> GetFormAsync(HttpClient client, string serviceCode)
    {
        HttpResponseMessage response = await GetAsync(client, $"/services/{serviceCode}/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new FormTokens(HiddenValue(html, "__RequestVerificationToken"), HiddenValue(html, "submission_token"));
    }

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client,
        string serviceCode,
        FormTokens tokens,
        IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<(string FileName, byte[] Content)>? photos = null) =>
        await PostRawAsync(
            client,
            serviceCode,
            tokens,
            fields.Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value))),
            photos);

    /// <summary>Posts the form with each field's bytes as given, so a test can send what no browser would.</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(
        HttpClient client,
        string serviceCode,
        FormTokens tokens,
        IEnumerable<(string Name, byte[] Value)> fields,
        IEnumerable<(string FileName, byte[] Content)>? photos = null)
    {
        using MultipartFormDataContent form = new();
        form.Add(new StringContent(tokens.Antiforgery), "__RequestVerificationToken");
        form.Add(new StringContent(tokens.Submission), "submission_token");
        foreach ((string name, byte[] value) in fields)
        {
            form.Add(new ByteArrayContent(value), name);
        }

        foreach ((string fileName, byte[] content) in photos ?? [])
        {
            ByteArrayContent part = new(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "photos", fileName);
        }

        Uri address = new($"/services/{serviceCode}/requests", UriKind.Relative);
        return await client.PostAsync(address, form, TestContext.Current.CancellationToken);
    }

    /// <summary>A valid heat complaint in Manhattan, as the form's fields.</summary>
    public static Dictionary<string, string> HeatComplaint() => new()
    {
        ["attribute[descriptor]"] = "ENTIRE BUILDING",
        ["attribute[location_type]"] = "RESIDENTIAL BUILDING",
        ["description"] = "No heat since Monday in the whole building.",
        ["address_string"] = "100 Example Street",
        ["zipcode"] = "10001",
    };

    public static string ReferenceFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Match match = SubmittedPath().Match(response.Headers.Location?.OriginalString ?? string.Empty);
        Assert.True(match.Success, $"Unexpected location {response.Headers.Location}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    private static string HiddenValue(string html, string name)
    {
        Match match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"The form has no hidden field {name}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("^/requests/([^/]+)/submitted$")]
    private static partial Regex SubmittedPath();
}

internal sealed record FormTokens(string Antiforgery, string Submission);
