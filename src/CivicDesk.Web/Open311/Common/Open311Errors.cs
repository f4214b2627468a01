using System.Reflection;
using System.Text.Json.Serialization;
using CivicDesk.Core.Common;
using Microsoft.AspNetCore.Http.Metadata;
using NotFound = CivicDesk.Core.Common.NotFound;

namespace CivicDesk.Web.Open311.Common;

/// <summary>One entry of the spec's error list. <paramref name="Code"/> repeats the HTTP status.</summary>
internal sealed record Open311ErrorItem(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);

/// <summary>
/// The spec's error list (<c>[{"code":400,"description":"…"}]</c> or <c>&lt;errors&gt;&lt;error&gt;…</c>)
/// with status 400, 403, 404 or 405. Every description names the parameter it is about.
/// </summary>
internal sealed class Open311Errors(int status, IReadOnlyList<Open311ErrorItem> errors, Open311Format format)
    : IResult, IEndpointMetadataProvider, IOpen311Body
{
    public int Status => status;

    public IReadOnlyList<Open311ErrorItem> Errors => errors;

    public static Type SchemaType => typeof(Open311ErrorItem[]);

    public static Open311Errors BadRequest(Open311Format format, params string[] descriptions) =>
        new(StatusCodes.Status400BadRequest, Items(StatusCodes.Status400BadRequest, descriptions), format);

    public static Open311Errors NotFound(Open311Format format, string description) =>
        new(StatusCodes.Status404NotFound, Items(StatusCodes.Status404NotFound, [description]), format);

    public static Open311Errors MethodNotAllowed(Open311Format format, string description) =>
        new(StatusCodes.Status405MethodNotAllowed, Items(StatusCodes.Status405MethodNotAllowed, [description]), format);

    /// <summary>The one mapping from Core's expected errors to the spec's list; validation keeps every field.</summary>
    public static Open311Errors From(Error error, Open311Format format) => error switch
    {
        ValidationFailed invalid => new(
            StatusCodes.Status400BadRequest,
            [.. invalid.Errors.Select(e => new Open311ErrorItem(StatusCodes.Status400BadRequest, Describe(e)))],
            format),
        NotFound notFound => NotFound(format, notFound.Title),
        Forbidden forbidden => new(
            StatusCodes.Status403Forbidden,
            Items(StatusCodes.Status403Forbidden, [forbidden.Title]),
            format),
        _ => BadRequest(format, error.Title),
    };

    public static string Describe(FieldError error) => $"{error.Field}: {error.Message}";

    public void WriteTo(Open311Writer writer)
    {
        writer.StartRootList("errors");
        foreach (Open311ErrorItem error in errors)
        {
            writer.StartItem("error");
            writer.Integer("code", error.Code);
            writer.Text("description", error.Description);
            writer.End();
        }

        writer.End();
    }

    public Task ExecuteAsync(HttpContext httpContext) =>
        Open311Response.WriteAsync(httpContext, status, format, WriteTo);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status400BadRequest, SchemaType, Open311Response.ContentTypes));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status404NotFound, SchemaType, Open311Response.ContentTypes));
    }

    private static Open311ErrorItem[] Items(int status, string[] descriptions) =>
        [.. descriptions.Select(d => new Open311ErrorItem(status, d))];
}
