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

    /// <summary>Only cases whose SLA clocks stand so (<c>sla=breached|at_risk|on_time</c>).</summary>
    public SlaFilter Sla { get; init; } = SlaFilter.Any;

    public CaseSort Sort { get; init; } = CaseSort.Created;

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>
    /// The reader's culture (<c>es</c>, <c>es-MX</c>): service names are shown in its language where the catalogue
    /// translates them, else in their source text. Null or empty for the source text.
    /// </summary>
    public string? Culture { get; init; }
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

/// <summary>
/// A case's SLA standing, from its stored clock states: breached when any clock is; at risk when a running
/// clock's warning has passed and none is breached; on time when neither.
/// </summary>
public enum SlaFilter
{
    Any,
    Breached,
    AtRisk,
    OnTime,
}

public enum CaseSort
{
    Created,
    Updated,
    Status,
    Service,
    Priority,
}
