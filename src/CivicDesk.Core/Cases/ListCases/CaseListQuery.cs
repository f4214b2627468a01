using NodaTime;

namespace CivicDesk.Core.Cases.ListCases;

/// <summary>
/// The filters, order and page of a staff case list. Dates are local dates of the jurisdiction, both ends
/// included. The same query serves the queue page and <c>GET /api/v1/cases</c>.
/// </summary>
public sealed record CaseListQuery
{
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    public const int DefaultPageSize = 25;

    public IReadOnlyList<CaseStatus> Statuses { get; init; } = [];

    public string? ServiceCode { get; init; }

    public string? DepartmentCode { get; init; }

    public LocalDate? CreatedFrom { get; init; }

    public LocalDate? CreatedTo { get; init; }

    public QualityFilter Quality { get; init; } = QualityFilter.Any;

    /// <summary>With <see cref="QualityFilter.Flag"/>: the flag a case must carry.</summary>
    public DataQualityFlags Flag { get; init; }

    public AssignmentFilter Assignment { get; init; } = AssignmentFilter.Any;

    /// <summary>Only cases of this priority (1 to 5); null for any.</summary>
    public int? Priority { get; init; }

    public CaseSort Sort { get; init; } = CaseSort.Created;

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;
}

public enum QualityFilter
{
    Any,

    /// <summary>Cases with at least one data-quality flag.</summary>
    Flagged,

    /// <summary>Cases without any flag.</summary>
    Clean,

    /// <summary>Cases with one given flag.</summary>
    Flag,
}

public enum AssignmentFilter
{
    Any,
    Mine,
    Unassigned,
}

public enum CaseSort
{
    Created,
    Updated,
    Status,
    Service,
    Priority,
}
