namespace CivicDesk.Web.Localization;

/// <summary>Marker for the texts shared by every page: the banner, header, navigation and footer.</summary>
public sealed class SharedResources;
