using System.Globalization;
using System.Net;

namespace CivicDesk.Bench.Intake;

/// <summary>
/// One Open311 <c>POST requests.json</c> per call, as a partner system sends it: form-encoded, with the API
/// key, a service code, an answer to its required question and a point in New York City.
/// </summary>
internal sealed class Open311Load(HttpClient client, string apiKey)
{
    public async Task<bool> PostAsync(int sequence, CancellationToken cancellationToken)
    {
        double latitude = 40.60 + (sequence % 300) / 1000.0;
        double longitude = -74.00 + (sequence % 200) / 1000.0;
        using FormUrlEncodedContent form = new(
        [
            new("api_key", apiKey),
            new("service_code", "heat-hot-water"),
            new("attribute[descriptor]", "ENTIRE BUILDING"),
            new("lat", latitude.ToString("F6", CultureInfo.InvariantCulture)),
            new("long", longitude.ToString("F6", CultureInfo.InvariantCulture)),
            new("description", $"Benchmark request {sequence}: no heat since this morning."),
        ]);
        using HttpResponseMessage response = await client.PostAsync(
            new Uri("open311/v2/requests.json", UriKind.Relative), form, cancellationToken);
        return response.StatusCode == HttpStatusCode.Created;
    }

    public static HttpClient CreateClient(Uri address, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
}
