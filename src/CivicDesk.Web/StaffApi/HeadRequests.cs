using Microsoft.AspNetCore.Http.Features;

namespace CivicDesk.Web.StaffApi;

/// <summary>
/// HEAD on a route that reads: the GET handler answers it (status and headers as for GET) and its body is
/// dropped. Kestrel drops a HEAD body itself; this also holds in any other server, the test host included.
/// </summary>
internal static class HeadRequests
{
    public static RouteGroupBuilder AnswerHeadLikeGet(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
            }
        });
        group.AddEndpointFilter(async (context, next) =>
        {
            if (HttpMethods.IsHead(context.HttpContext.Request.Method))
            {
                context.HttpContext.Features.Set<IHttpResponseBodyFeature>(
                    new StreamResponseBodyFeature(Stream.Null));
            }

            return await next(context);
        });
        return group;
    }
}
