using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.GetCatalog;

namespace CivicDesk.Web.Portal.Requests;

/// <summary>The form control a question is drawn with.</summary>
public enum QuestionControl
{
    Radios,
    Select,
    Checkboxes,
    TextBox,
    TextArea,
    Number,
    DateTime,
}

public static class QuestionControls
{
    /// <summary>Up to this many choices show as radios, all visible at once; more go in a drop-down list.</summary>
    public const int MaxRadios = 6;

    public static QuestionControl For(QuestionView question) => question.Datatype switch
    {
        QuestionDatatype.SingleValueList =>
            question.Options.Count <= MaxRadios ? QuestionControl.Radios : QuestionControl.Select,
        QuestionDatatype.MultiValueList => QuestionControl.Checkboxes,
        QuestionDatatype.Number => QuestionControl.Number,
        QuestionDatatype.Datetime => QuestionControl.DateTime,
        QuestionDatatype.Text => QuestionControl.TextArea,
        QuestionDatatype.String => QuestionControl.TextBox,
    };

    /// <summary>The element an error about the question links to: the control, or the first of its choices.</summary>
    public static string ErrorTarget(QuestionView question) =>
        For(question) is QuestionControl.Radios or QuestionControl.Checkboxes
            ? RequestFields.ChoiceId(question.Code, 0)
            : RequestFields.QuestionId(question.Code);
}
