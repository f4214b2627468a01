using System.Globalization;
using CivicDesk.Rules.Evaluation;

namespace CivicDesk.Rules.Explanation;

/// <summary>The few words the library adds around the rule set's own labels, in English and Spanish.</summary>
internal sealed record Wording(
    CultureInfo Culture, string Yes, string No, string Unknown, string NotChecked, string Source, string Needs,
    string NoValue, string None)
{
    public static readonly Wording English = new(CultureInfo.GetCultureInfo("en-US"), "yes", "no",
        "cannot decide yet", "not checked", "Source", "Cannot decide yet; needed", "no value", "none");

    public static readonly Wording Spanish = new(CultureInfo.GetCultureInfo("es-US"), "sí", "no",
        "no se puede decidir todavía", "no revisado", "Fuente", "No se puede decidir todavía; se necesita",
        "sin valor", "ninguno");

    public static Wording For(string language) => language == "es" ? Spanish : English;

    public string Status(TraceStatus status) => status switch
    {
        TraceStatus.True => Yes,
        TraceStatus.False => No,
        TraceStatus.Unknown => Unknown,
        TraceStatus.NotEvaluated => NotChecked,
        _ => string.Empty,
    };
}
