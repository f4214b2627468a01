using System.Buffers;
using System.Text.Json;

namespace CivicDesk.Web.Open311.Common;

internal sealed class JsonOpen311Writer : Open311Writer
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly Stack<bool> _openIsList = new();

    public JsonOpen311Writer()
    {
        _json = new Utf8JsonWriter(_buffer);
    }

    public override void StartRootList(string name) => OpenList(null);

    public override void StartRootRecord(string name) => OpenRecord();

    public override void StartItem(string name) => OpenRecord();

    public override void StartList(string name) => OpenList(name);

    public override void End()
    {
        if (_openIsList.Pop())
        {
            _json.WriteEndArray();
        }
        else
        {
            _json.WriteEndObject();
        }
    }

    public override void Text(string name, string? value)
    {
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            _json.WriteString(name, Open311Text.Clean(value));
        }
    }

    public override void Number(string name, double? value)
    {
        if (value is double number && double.IsFinite(number))
        {
            _json.WriteNumber(name, number);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    public override void Integer(string name, long? value)
    {
        if (value is long number)
        {
            _json.WriteNumber(name, number);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    public override void Boolean(string name, bool value) => _json.WriteBoolean(name, value);

    public override void TextItem(string name, string value) => _json.WriteStringValue(Open311Text.Clean(value));

    public override byte[] ToArray()
    {
        _json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public override void Dispose() => _json.Dispose();

    private void OpenList(string? name)
    {
        if (name is null)
        {
            _json.WriteStartArray();
        }
        else
        {
            _json.WriteStartArray(name);
        }

        _openIsList.Push(true);
    }

    private void OpenRecord()
    {
        _json.WriteStartObject();
        _openIsList.Push(false);
    }
}
