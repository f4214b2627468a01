using CivicDesk.Core.Identity;
using NodaTime;

namespace CivicDesk.Core.Cases.ListCases;

/// <summary>
/// One page of a staff case list and the total number of cases matching the filters. <paramref name="Viewer"/> is
/// the zone the caller sees times in, and the one the date filters were read in.
/// </summary>
public sealed record CaseListPage(
    IReadOnlyList<CaseListItem> Items,
    int Total,
    int Page,
    int PageSize,
    ViewerZone Viewer)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>One row of a staff case list.</summary>
public sealed record CaseListItem(
    Guid Id,
    string Reference,
    string ServiceCode,
    string ServiceName,
    string DepartmentCode,
    CaseStatus Status,
    Guid? AssigneeId,
    string? AssigneeName,
    Instant CreatedAt,
    Instant UpdatedAt,
    DataQualityFlags Quality,
    string? SourceSystem,
    int Version)
{
    /// <summary>1 (most urgent) to 5, or null when not triaged.</summary>
    public int? Priority { get; init; }
}

/// <summary>The departments and services a caller may filter on: only those inside the caller's scope.</summary>
public sealed record CaseListChoices(
    IReadOnlyList<(string Code, string Name)> Departments,
    IReadOnlyList<(string Code, string Name)> Services);
