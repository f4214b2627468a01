using CivicDesk.Core.Cases.ListCases;
using CivicDesk.Core.Common;
using NodaTime;

namespace CivicDesk.Core.Tests.Workspace;

public sealed class CaseListQueryParserTests
{
    [Theory]
    [InlineData("created_to", "9999-12-31")]
    [InlineData("created_from", "0001-01-01")]
    [InlineData("created_from", "-0001-01-01")]
    [InlineData("created_to", "1899-12-31")]
    [InlineData("created_from", "9000-01-01")]
    public void Parse_DateOutsideTheStorableRange_IsAnOutOfRangeFieldError(string field, string value)
    {
        Result<CaseListQuery> parsed = CaseListQueryParser.Parse(
            new Dictionary<string, IReadOnlyList<string>> { [field] = [value] });

        ValidationFailed invalid = Assert.IsType<ValidationFailed>(parsed.Error);
        FieldError error = Assert.Single(invalid.Errors);
        Assert.Equal((field, "out_of_range"), (error.Field, error.Code));
    }

    [Fact]
    public void Parse_DatesAtTheEdgesOfTheRange_AreAccepted()
    {
        Result<CaseListQuery> parsed = CaseListQueryParser.Parse(new Dictionary<string, IReadOnlyList<string>>
        {
            ["created_from"] = ["1900-01-01"],
            ["created_to"] = ["8999-12-31"],
        });

        Assert.True(parsed.IsSuccess);
        Assert.Equal(
            (new LocalDate(1900, 1, 1), new LocalDate(8999, 12, 31)),
            (parsed.Value.CreatedFrom, parsed.Value.CreatedTo));
    }
}
