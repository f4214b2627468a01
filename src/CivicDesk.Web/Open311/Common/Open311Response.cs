namespace CivicDesk.Web.Open311.Common;

internal static class Open311Response
{
    public static readonly string[] ContentTypes = ["application/json", "text/xml"];

    public static async Task WriteAsync(
        HttpContext httpContext,
        int status,
        Open311Format format,
        Action<Open311Writer> write)
    {
        byte[] body;
        using (Open311Writer writer = Open311Formats.CreateWriter(format))
        {
            write(writer);
            body = writer.ToArray();
        }

        HttpResponse response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = Open311Formats.ContentType(format);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
