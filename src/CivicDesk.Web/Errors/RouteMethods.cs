using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace CivicDesk.Web.Errors;

/// <summary>
/// The methods the app's routes take at a path no endpoint matched for the request's method. A catch-all
/// fallback matches every method, so the router never answers 405 itself where one is mapped; this asks the
/// route table instead, constraints included (a case route matches only a UUID).
/// </summary>
public sealed class RouteMethods(EndpointDataSource endpoints, ParameterPolicyFactory policies)
{
    /// <summary>The methods, in alphabetical order; empty when no route has this path.</summary>
    public IReadOnlyList<string> At(HttpContext context)
    {
        SortedSet<string> methods = new(StringComparer.Ordinal);
        foreach (RouteEndpoint endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } metadata
                && Matches(endpoint.RoutePattern, context))
            {
                methods.UnionWith(metadata.HttpMethods);
            }
        }

        return [.. methods];
    }

    private bool Matches(RoutePattern pattern, HttpContext context)
    {
        RouteValueDictionary values = [];
        TemplateMatcher matcher = new(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults));
        if (!matcher.TryMatch(context.Request.Path, values))
        {
            return false;
        }

        foreach ((string name, IReadOnlyList<RoutePatternParameterPolicyReference> references)
            in pattern.ParameterPolicies)
        {
            RoutePatternParameterPart? parameter = pattern.GetParameter(name);
            foreach (RoutePatternParameterPolicyReference reference in references)
            {
                if (policies.Create(parameter, reference) is IRouteConstraint constraint
                    && !constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
