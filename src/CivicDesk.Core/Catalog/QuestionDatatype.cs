namespace CivicDesk.Core.Catalog;

/// <summary>The Open311 attribute datatypes.</summary>
public enum QuestionDatatype
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}
