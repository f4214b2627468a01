using System.Text;
using nietras.SeparatedValues;

namespace CivicDesk.Core.Imports.ImportCases;

internal sealed partial class RowMapper
{
    /// <summary>The answers as stored on a case: a JSON object of code to a list of values, codes in order.</summary>
    private string AnswersJson(SepReader.Row row)
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        foreach ((string code, int index) in _layout.Answers)
        {
            ReadOnlySpan<char> value = row[index].Span;
            if (!value.IsEmpty)
            {
                _json.WriteStartArray(code);
                _json.WriteStringValue(value);
                _json.WriteEndArray();
            }
        }

        _json.WriteEndObject();
        _json.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>Every non-empty value the case does not hold exactly, by source column name, in file order.</summary>
    private string? SourceDataJson(SepReader.Row row)
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        int written = 0;
        for (int i = 0; i < _held.Length; i++)
        {
            ReadOnlySpan<char> value = row[i].Span;
            if (!_held[i] && !value.IsEmpty)
            {
                _json.WriteString(_names[i], value);
                written++;
            }
        }

        _json.WriteEndObject();
        _json.Flush();
        return written == 0 ? null : Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
