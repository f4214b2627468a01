using CivicDesk.Core.Common;

namespace CivicDesk.Core.Tests.Common;

public sealed class ReferenceNumbersTests
{
    [Fact]
    public void New_Always_GivesTwoGroupsOfFourCrockfordCharacters()
    {
        string reference = ReferenceNumbers.New();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", reference);
    }

    [Theory]
    [InlineData("7kqm 2d9x", "7KQM-2D9X")]
    [InlineData(" 7KQM-2D9X ", "7KQM-2D9X")]
    [InlineData("7kqmo2dlx", "7KQMO2DLX")]
    [InlineData("okqm-2dlx", "0KQM-2D1X")]
    [InlineData("56923577", "5692-3577")]
    public void Normalize_TypedReference_ReadsWhatThePersonMeant(string typed, string expected)
    {
        Assert.Equal(expected, ReferenceNumbers.Normalize(typed));
    }
}
