using CivicDesk.Web.Open311;
using CivicDesk.Web.Open311.Common;
using Microsoft.AspNetCore.Http;

namespace CivicDesk.Web.Tests.Open311;

public sealed class PublicSiteTests
{
    private static readonly Guid PhotoId = Guid.Parse("0198e7a4-5b1c-7d2e-9f00-1234567890ab");

    [Theory]
    [InlineData("https://311.example.gov/open311/v2", "https://311.example.gov/requests/7KQM-2D9X/photos/")]
    [InlineData("https://311.example.gov/open311/v2/", "https://311.example.gov/requests/7KQM-2D9X/photos/")]
    [InlineData("https://example.gov/city/311", "https://example.gov/city/311/requests/7KQM-2D9X/photos/")]
    public void Photo_PublicUrlConfigured_StartsThere(string publicUrl, string expected)
    {
        DefaultHttpContext http = new();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("internal-node:8080");

        PublicSite site = PublicSite.From(http.Request, new Open311Options { PublicUrl = publicUrl });

        Assert.Equal(expected + PhotoId.ToString("N"), site.Photo("7KQM-2D9X", PhotoId));
    }

    [Fact]
    public void Photo_NoPublicUrl_StartsAtTheRequestsAddress()
    {
        DefaultHttpContext http = new();
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("311.example.gov");
        http.Request.PathBase = "/portal";

        PublicSite site = PublicSite.From(http.Request, new Open311Options());

        Assert.Equal(
            $"https://311.example.gov/portal/requests/7KQM-2D9X/photos/{PhotoId:N}", site.Photo("7KQM-2D9X", PhotoId));
    }
}
