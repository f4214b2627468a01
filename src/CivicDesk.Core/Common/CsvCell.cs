using System.Buffers;

namespace CivicDesk.Core.Common;

/// <summary>
/// One cell of a CSV file CivicDesk writes, safe to open in a spreadsheet. Values often come from residents
/// or other systems, and a cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return would be run as a formula; such a cell gets a leading <c>'</c> so it is shown as text (OWASP's
/// advice on CSV injection). Cells holding a comma, a quote or a line break are then quoted (RFC 4180).
/// </summary>
public static class CsvCell
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static string Format(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        string text = FormulaStarts.Contains(value[0]) ? "'" + value : value;
        return text.AsSpan().IndexOfAny(NeedsQuotes) < 0
            ? text
            : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
