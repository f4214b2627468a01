using CivicDesk.Core.Data;
using CivicDesk.Testing;
using CivicDesk.Web.Open311.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicDesk.Web.Tests.Open311;

public sealed class Open311ExceptionHandlerTests
{
    [Fact]
    public async Task TryHandle_UnexpectedExceptionOnOpen311Route_Answers500ErrorListWithoutTheMessage()
    {
        DefaultHttpContext context = NewContext("/open311/v2/requests.xml");

        bool handled = await Handle(context, new InvalidOperationException("secret detail /etc/civicdesk"));

        string body = Body(context);
        Assert.True(handled);
        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal("text/xml; charset=utf-8", context.Response.ContentType);
        Assert.StartsWith(
            Open311Contract.XmlDeclaration + "\n<errors><error><code>500</code>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_UnreadableInputOnOpen311Route_Answers400()
    {
        DefaultHttpContext context = NewContext("/open311/v2/requests.json");

        bool handled = await Handle(context, new BadHttpRequestException("Unexpected end of request content."));

        Assert.True(handled);
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("[{\"code\":400,\"description\":\"The request could not be read.\"}]", Body(context));
    }

    [Fact]
    public async Task TryHandle_DatabaseBusyOnOpen311Route_Answers503ErrorListWithRetryAfter()
    {
        DefaultHttpContext context = NewContext("/open311/v2/requests.json");

        bool handled = await Handle(context, new DatabaseBusyException(TimeSpan.FromSeconds(30)));

        Assert.True(handled);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("30", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("[{\"code\":503,\"description\":\"The service is busy; nothing was saved.", Body(context),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_OtherRoute_LeavesItToTheHostHandler()
    {
        DefaultHttpContext context = NewContext("/track");

        bool handled = await Handle(context, new InvalidOperationException("boom"));

        Assert.False(handled);
    }

    [Fact]
    public async Task Host_RegistersTheOpen311HandlerBeforeTheGenericOne()
    {
        await using SqliteWebApp app = new();
        await app.InitializeAsync();

        IExceptionHandler first = app.Factory.Services.GetServices<IExceptionHandler>().First();

        Assert.IsType<Open311ExceptionHandler>(first);
    }

    private static DefaultHttpContext NewContext(string path)
    {
        DefaultHttpContext context = new();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<bool> Handle(DefaultHttpContext context, Exception exception) =>
        await new Open311ExceptionHandler(NullLogger<Open311ExceptionHandler>.Instance)
            .TryHandleAsync(context, exception, TestContext.Current.CancellationToken);

    private static string Body(DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
