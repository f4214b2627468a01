namespace CivicDesk.Web.Open311.Common;

/// <summary>A response body that writes itself through an <see cref="Open311Writer"/>.</summary>
internal interface IOpen311Body
{
    /// <summary>The type whose JSON schema OpenAPI shows for this body.</summary>
    static abstract Type SchemaType { get; }

    void WriteTo(Open311Writer writer);
}
