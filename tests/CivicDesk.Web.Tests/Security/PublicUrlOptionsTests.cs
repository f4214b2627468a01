using System.ComponentModel.DataAnnotations;
using CivicDesk.Web.Hosting;

namespace CivicDesk.Web.Tests.Security;

public sealed class PublicUrlOptionsTests
{
    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("https://311.example.gov", true)]
    [InlineData("https://311.example.gov/", true)]
    [InlineData("https://311.example.gov/311", false)]
    [InlineData("https://311.example.gov/?a=b", false)]
    [InlineData("https://user@311.example.gov", false)]
    [InlineData("ftp://311.example.gov", false)]
    [InlineData("311.example.gov", false)]
    [InlineData("", false)]
    public void Validate_PublicBaseUrl_AcceptsOnlyAnHttpOrHttpsOrigin(string value, bool valid)
    {
        PublicUrlOptions options = new() { PublicBaseUrl = value };

        bool result = Validator.TryValidateObject(options, new ValidationContext(options), [], true);

        Assert.Equal(valid, result);
    }

    [Fact]
    public void Absolute_Path_StartsWithTheConfiguredOrigin()
    {
        PublicUrlOptions options = new() { PublicBaseUrl = "https://311.example.gov/" };

        Assert.Equal("https://311.example.gov/staff/sign-in", options.Absolute("/staff/sign-in"));
    }
}
