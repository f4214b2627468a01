namespace CivicDesk.Web.Workspace;

/// <summary>Marker for the texts of the staff workspace (WorkspaceResources.resx and its translations).</summary>
public sealed class WorkspaceResources;
