using System.Globalization;
using System.Text;
using System.Xml;

namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// Writes the spec's schemaless XML without a namespace, preceded by the declaration the spec requires
/// (<c>encoding="UTF-8"</c>, written by hand because .NET would spell it in lower case).
/// </summary>
internal sealed class XmlOpen311Writer : Open311Writer
{
    private static readonly byte[] Declaration = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    private readonly MemoryStream _stream = new();
    private readonly XmlWriter _xml;

    public XmlOpen311Writer()
    {
        _stream.Write(Declaration);
        _xml = XmlWriter.Create(_stream, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            OmitXmlDeclaration = true,
            ConformanceLevel = ConformanceLevel.Document,
        });
    }

    public override void StartRootList(string name) => _xml.WriteStartElement(name);

    public override void StartRootRecord(string name) => _xml.WriteStartElement(name);

    public override void StartItem(string name) => _xml.WriteStartElement(name);

    public override void StartList(string name) => _xml.WriteStartElement(name);

    public override void End() => _xml.WriteEndElement();

    public override void Text(string name, string? value) =>
        _xml.WriteElementString(name, value is null ? null : Open311Text.Clean(value));

    public override void Number(string name, double? value) =>
        _xml.WriteElementString(
            name,
            value is double number && double.IsFinite(number)
                ? number.ToString("R", CultureInfo.InvariantCulture)
                : null);

    public override void Integer(string name, long? value) =>
        _xml.WriteElementString(name, value?.ToString(CultureInfo.InvariantCulture));

    public override void Boolean(string name, bool value) => _xml.WriteElementString(name, value ? "true" : "false");

    public override void TextItem(string name, string value) => _xml.WriteElementString(name, Open311Text.Clean(value));

    public override byte[] ToArray()
    {
        _xml.Flush();
        return _stream.ToArray();
    }

    public override void Dispose()
    {
        _xml.Dispose();
        _stream.Dispose();
    }
}
