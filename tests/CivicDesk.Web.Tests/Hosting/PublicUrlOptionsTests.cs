using CivicDesk.Web.Hosting;

namespace CivicDesk.Web.Tests.Hosting;

/// <summary>
/// A new user who starts the host with <c>--urls</c> on another port gets links and redirects to that port, not to
/// the development default, unless <c>PublicBaseUrl</c> says otherwise.
/// </summary>
public sealed class PublicUrlOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5099", "http://127.0.0.1:5099")]
    [InlineData("http://127.0.0.1:5099/;http://localhost:6000", "http://127.0.0.1:5099")]
    [InlineData(" https://localhost:7443 ", "https://localhost:7443")]
    [InlineData("http://*:8080", "http://localhost:8080")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://[::]:8080", "http://localhost:8080")]
    public void FromListenUrls_FirstAddress_IsTheOrigin(string urls, string expected)
    {
        Assert.Equal(expected, PublicUrlOptions.FromListenUrls(urls));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:21")]
    public void FromListenUrls_NothingUsable_IsNull(string? urls)
    {
        Assert.Null(PublicUrlOptions.FromListenUrls(urls));
    }
}
