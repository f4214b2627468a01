using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicDesk.Web.Portal.Shared;

/// <summary>Renders one portal component as a whole page (layout included) with the status given.</summary>
public static class PortalPage
{
    public static RazorComponentResult<PortalDocument> Render<TPage>(int status, Dictionary<string, object> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new(new Dictionary<string, object?> { ["Page"] = typeof(TPage), ["PageParameters"] = parameters })
        {
            StatusCode = status,
        };
}
