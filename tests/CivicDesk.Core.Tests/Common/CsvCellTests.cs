using CivicDesk.Core.Common;

namespace CivicDesk.Core.Tests.Common;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+12125550142", "'+12125550142")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+2", "'\t=1+2")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    [InlineData("=HYPERLINK(\"https://example.org\",\"x\")", "\"'=HYPERLINK(\"\"https://example.org\"\",\"\"x\"\")\"")]
    public void Format_ValueAFormulaCouldStartWith_IsPrefixedAndStillQuoted(string value, string expected)
    {
        Assert.Equal(expected, CsvCell.Format(value));
    }

    [Theory]
    [InlineData("56923577", "56923577")]
    [InlineData("a = b", "a = b")]
    [InlineData("Swept,\nand bagged", "\"Swept,\nand bagged\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Format_OrdinaryValue_IsWrittenAsItIsOrQuoted(string? value, string expected)
    {
        Assert.Equal(expected, CsvCell.Format(value));
    }
}
