namespace CivicDesk.Web.Portal.Shared;

/// <summary>The portal's addresses, built in one place so pages, endpoints and tests agree.</summary>
public static class Links
{
    public static string NewRequest(string serviceCode) => $"/services/{Uri.EscapeDataString(serviceCode)}/new";

    public static string SubmitRequest(string serviceCode) =>
        $"/services/{Uri.EscapeDataString(serviceCode)}/requests";

    public static string Submitted(string reference) => $"/requests/{Uri.EscapeDataString(reference)}/submitted";

    public static string Request(string reference) => $"/requests/{Uri.EscapeDataString(reference)}";

    public static string Photo(string reference, Guid photoId) =>
        $"/requests/{Uri.EscapeDataString(reference)}/photos/{photoId:N}";
}
