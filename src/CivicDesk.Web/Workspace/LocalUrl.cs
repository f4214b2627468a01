namespace CivicDesk.Web.Workspace;

/// <summary>Accepts only same-site paths as places to return to, so a link cannot send a user elsewhere.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
