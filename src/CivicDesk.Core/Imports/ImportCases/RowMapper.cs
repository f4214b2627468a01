using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog.SeedCatalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Imports.Mapping;
using CivicDesk.Core.Jurisdictions;
using nietras.SeparatedValues;
using NodaTime;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// Turns one source row into a case as the mapping says, or into a rejection with its reason. Values are kept
/// as they came; doubts become data-quality flags, and every value the case does not hold exactly is kept in
/// the case's source data.
/// </summary>
internal sealed partial class RowMapper : IDisposable
{
    private static readonly JsonWriterOptions JsonOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ImportMapping _mapping;
    private readonly ColumnLayout _layout;
    private readonly LocalTimeReader _times;
    private readonly GeoBounds _bounds;
    private readonly TimeProvider _time;
    private readonly bool[] _heldTemplate;
    private readonly bool[] _held;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly (int Index, int Limit, string? Column)[] _limited;
    private readonly JsonEncodedText[] _names;

    // Service codes by source type name; as many entries as the file has distinct types.
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    public RowMapper(
        ImportMapping mapping,
        ColumnLayout layout,
        LocalTimeReader times,
        GeoBounds bounds,
        TimeProvider time)
    {
        (_mapping, _layout, _times, _bounds, _time) = (mapping, layout, times, bounds, time);
        _heldTemplate = new bool[layout.Header.Length];
        foreach (int index in layout.HeldExactly)
        {
            _heldTemplate[index] = true;
        }

        _held = new bool[layout.Header.Length];
        _json = new Utf8JsonWriter(_buffer, JsonOptions);
        _names = [.. layout.Header.Select(name => JsonEncodedText.Encode(name, JsonOptions.Encoder))];
        _limited =
        [
            (layout.Address, Limits.Address, mapping.Columns.Address),
            (layout.AddressId, Limits.AddressId, mapping.Columns.AddressId),
            (layout.ZipCode, Limits.ZipCode, mapping.Columns.ZipCode),
            (layout.StatusNote, Limits.StatusNote, mapping.Columns.StatusNote),
            (layout.Department, Limits.DepartmentCode, mapping.Columns.Department),
            (layout.DepartmentName, Limits.DepartmentName, mapping.Columns.DepartmentName),
        ];
    }

    public void Dispose() => _json.Dispose();

    public ImportedCase? Map(SepReader.Row row, out Rejection? rejection)
    {
        long line = row.LineNumberFrom;
        string? key = null;
        rejection = null;
        if (row.ColCount != _layout.Header.Length)
        {
            rejection = new Rejection(line, null,
                $"column-count: {row.ColCount} columns where the header has {_layout.Header.Length}");
            return null;
        }

        key = Text(row, _layout.Key);
        string typeName = row[_layout.Type].ToString();
        string? problem = CheckRequired(row, key, typeName, out Instant created, out bool createdAmbiguous);
        if (problem is not null)
        {
            rejection = new Rejection(line, key, problem);
            return null;
        }

        Array.Copy(_heldTemplate, _held, _held.Length);
        _held[_layout.Created] = !createdAmbiguous;
        DataQualityFlags flags = createdAmbiguous ? DataQualityFlags.AmbiguousLocalTime : DataQualityFlags.None;
        return Build(row, line, key!, (typeName, _codes[typeName]), created, ref flags);
    }

    private string? CheckRequired(
        SepReader.Row row,
        string? key,
        string typeName,
        out Instant created,
        out bool ambiguous)
    {
        created = default;
        ambiguous = false;
        if (string.IsNullOrEmpty(key))
        {
            return $"missing-key: {_mapping.Columns.Key} is empty";
        }

        if (key.Length > Limits.Reference)
        {
            return $"value-too-long: {_mapping.Columns.Key} is longer than {Limits.Reference} characters";
        }

        ReadOnlySpan<char> createdText = row[_layout.Created].Span;
        if (createdText.IsEmpty)
        {
            return $"missing-created-date: {_mapping.Columns.Created} is empty";
        }

        if (!_times.TryRead(createdText, out created, out ambiguous))
        {
            return $"unreadable-created-date: {_mapping.Columns.Created} is not {_mapping.DateFormat}";
        }

        return CheckType(typeName) ?? CheckStatus(row) ?? CheckLengths(row);
    }

    private string? CheckType(string typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName))
        {
            return $"missing-type: {_mapping.Columns.Type} is empty";
        }

        if (!_codes.TryGetValue(typeName, out string? code))
        {
            code = SeedCatalogHandler.ServiceCodeFor(typeName);
            _codes[typeName] = code;
        }

        return typeName.Length > Limits.ServiceName || code.Length is 0 or > Limits.ServiceCode
            ? $"unusable-type: {_mapping.Columns.Type} gives no service code of 1 to {Limits.ServiceCode} characters"
            : null;
    }

    private string? CheckStatus(SepReader.Row row)
    {
        if (_layout.Status < 0)
        {
            return null;
        }

        ReadOnlySpan<char> status = row[_layout.Status].Span;
        if (status.IsEmpty)
        {
            return $"missing-status: {_mapping.Columns.Status} is empty";
        }

        return _mapping.Statuses.ContainsKey(status.ToString())
            ? null
            : $"unknown-status: {_mapping.Columns.Status} holds a value the mapping does not list";
    }

    private string? CheckLengths(SepReader.Row row)
    {
        foreach ((int index, int limit, string? column) in _limited)
        {
            if (index >= 0 && row[index].Span.Length > limit)
            {
                return $"value-too-long: {column} is longer than {limit} characters";
            }
        }

        return null;
    }
}
