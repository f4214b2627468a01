namespace CivicDesk.Web.Open311.Common;

/// <summary>
/// Writes one Open311 document as JSON or as XML from the same calls, so the two formats cannot drift
/// apart. The JSON follows the spec's Spark convention: a list element becomes an array of its items, a
/// single root element becomes an object, and an empty element becomes <c>null</c>.
/// </summary>
internal abstract class Open311Writer : IDisposable
{
    /// <summary>A root list such as <c>services</c>: a JSON array, an XML element holding the items.</summary>
    public abstract void StartRootList(string name);

    /// <summary>A root record such as <c>service_definition</c>: a JSON object, an XML element.</summary>
    public abstract void StartRootRecord(string name);

    /// <summary>One record inside a list, such as <c>service</c>.</summary>
    public abstract void StartItem(string name);

    /// <summary>A field holding a list, such as <c>attributes</c>.</summary>
    public abstract void StartList(string name);

    /// <summary>Closes the innermost list, item or root.</summary>
    public abstract void End();

    public abstract void Text(string name, string? value);

    public abstract void Number(string name, double? value);

    public abstract void Integer(string name, long? value);

    public abstract void Boolean(string name, bool value);

    /// <summary>A bare text item of a list, such as one <c>format</c> of an endpoint.</summary>
    public abstract void TextItem(string name, string value);

    /// <summary>Finishes the document and returns its UTF-8 bytes.</summary>
    public abstract byte[] ToArray();

    public abstract void Dispose();
}
