using CivicDesk.Core.Imports.ImportCases;

namespace CivicDesk.Core.Tests.Imports;

public sealed class TextQualityTests
{
    [Theory]
    [InlineData("It\u00e2\u0080\u0099s closed")]
    [InlineData("Itâ€™s closed")]
    [InlineData("Click â€œLearn Moreâ€\u009d below")]
    [InlineData("observation.\u00c2\u00a0Summonses")]
    [InlineData("caf\u00c3\u00a9")]
    public void LooksMisdecoded_Utf8ReadAsLatin1OrWindows1252_IsTrue(string text)
    {
        Assert.True(TextQuality.LooksMisdecoded(text));
    }

    [Theory]
    [InlineData("It’s closed")]
    [InlineData("café, señor, ¿qué?")]
    [InlineData("Plain ASCII text")]
    [InlineData("ends with \u00e2")]
    public void LooksMisdecoded_CorrectText_IsFalse(string text)
    {
        Assert.False(TextQuality.LooksMisdecoded(text));
    }

    [Theory]
    [InlineData("00000", true)]
    [InlineData("88888", true)]
    [InlineData("99999-9999", true)]
    [InlineData("10001", false)]
    [InlineData("1111", false)]
    [InlineData("", false)]
    [InlineData("NY 10001", false)]
    public void IsPlaceholderZip_RepeatedDigit_IsTrue(string zip, bool expected)
    {
        Assert.Equal(expected, TextQuality.IsPlaceholderZip(zip));
    }
}
