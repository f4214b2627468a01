using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace CivicDesk.Web.Open311.Common;

/// <summary>A 200 response carrying an Open311 document in the requested format.</summary>
internal sealed class Open311Ok<TBody>(TBody body, Open311Format format) : IResult, IEndpointMetadataProvider
    where TBody : IOpen311Body
{
    public TBody Body => body;

    public Task ExecuteAsync(HttpContext httpContext) =>
        Open311Response.WriteAsync(httpContext, StatusCodes.Status200OK, format, body.WriteTo);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status200OK, TBody.SchemaType, Open311Response.ContentTypes));
}

/// <summary>A 201 response to a write, carrying the Open311 receipt and the new resource's address.</summary>
internal sealed class Open311Created<TBody>(TBody body, Open311Format format, string location)
    : IResult, IEndpointMetadataProvider
    where TBody : IOpen311Body
{
    public TBody Body => body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        return Open311Response.WriteAsync(httpContext, StatusCodes.Status201Created, format, body.WriteTo);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status201Created, TBody.SchemaType, Open311Response.ContentTypes));
}
