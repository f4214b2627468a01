namespace CivicDesk.Core.Cases;

public static class CaseStatusExtensions
{
    public static bool IsOpen(this CaseStatus status) => status switch
    {
        CaseStatus.New or CaseStatus.Open or CaseStatus.InProgress or CaseStatus.OnHold => true,
        CaseStatus.Closed or CaseStatus.Cancelled or CaseStatus.Referred => false,
    };

    /// <summary>The snake_case name used in APIs, URLs and resource keys.</summary>
    public static string ToCode(this CaseStatus status) => status switch
    {
        CaseStatus.New => "new",
        CaseStatus.Open => "open",
        CaseStatus.InProgress => "in_progress",
        CaseStatus.OnHold => "on_hold",
        CaseStatus.Closed => "closed",
        CaseStatus.Cancelled => "cancelled",
        CaseStatus.Referred => "referred",
    };

    public static bool TryParseCode(string? code, out CaseStatus status)
    {
        foreach (CaseStatus candidate in Enum.GetValues<CaseStatus>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
