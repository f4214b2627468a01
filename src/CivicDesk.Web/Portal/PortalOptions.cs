using System.ComponentModel.DataAnnotations;

namespace CivicDesk.Web.Portal;

/// <summary>Which jurisdiction the resident portal serves. Bound to the <c>Portal</c> section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The jurisdiction's short code; the demo seeds <c>nyc</c>.</summary>
    [Required]
    public string Jurisdiction { get; set; } = "nyc";
}
