namespace CivicDesk.Web.Portal;

/// <summary>Marker for the resident portal's texts (<c>PortalResources.resx</c> and its translations).</summary>
public sealed class PortalResources;
