namespace CivicDesk.Web.Open311.Common;

/// <summary>The two representations of every Open311 resource, chosen by the URL's suffix.</summary>
internal enum Open311Format
{
    Json,
    Xml,
}

internal static class Open311Formats
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string XmlContentType = "text/xml; charset=utf-8";

    public static bool TryParse(string? suffix, out Open311Format format)
    {
        format = Open311Format.Json;
        if (string.Equals(suffix, "json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(suffix, "xml", StringComparison.OrdinalIgnoreCase))
        {
            format = Open311Format.Xml;
            return true;
        }

        return false;
    }

    /// <summary>The format when the suffix could not be read: XML for a path ending in .xml, else JSON.</summary>
    public static Open311Format Guess(PathString path) =>
        path.HasValue && path.Value.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            ? Open311Format.Xml
            : Open311Format.Json;

    public static string ContentType(Open311Format format) =>
        format == Open311Format.Xml ? XmlContentType : JsonContentType;

    public static Open311Writer CreateWriter(Open311Format format) =>
        format == Open311Format.Xml ? new XmlOpen311Writer() : new JsonOpen311Writer();
}
