namespace CivicDesk.Web.Open311;

/// <summary>What the Open311 service discovery document says. Bound to the <c>Open311</c> section.</summary>
public sealed class Open311Options
{
    public const string SectionName = "Open311";

    public string Contact { get; set; } = "Write to the jurisdiction's 311 team; see the CivicDesk documentation.";

    public string KeyService { get; set; } =
        "Ask the jurisdiction's administrators for a key; they issue it with `civicdesk apikeys issue`.";

    /// <summary>The public base URL of the API, such as <c>https://311.example.gov/open311/v2</c>.
    /// Empty: <c>PublicBaseUrl</c> followed by <c>/open311/v2</c>. Links to photos in <c>media_url</c> start at
    /// <c>PublicBaseUrl</c>.</summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary><c>production</c> when requests are acted upon, <c>test</c> otherwise.</summary>
    public string EndpointType { get; set; } = "production";
}
