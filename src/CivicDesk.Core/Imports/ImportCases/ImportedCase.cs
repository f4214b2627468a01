using CivicDesk.Core.Cases;
using NodaTime;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>One accepted source row, mapped to the columns of a case and its first timeline events.</summary>
internal sealed class ImportedCase
{
    public required long LineNumber { get; init; }

    public required Guid Id { get; init; }

    public required string SourceKey { get; init; }

    public required string TypeName { get; init; }

    public required string ServiceCode { get; init; }

    public string? DepartmentCode { get; init; }

    public string? DepartmentName { get; init; }

    public CasePlace Place { get; set; }

    public required CaseStatus Status { get; init; }

    public required Channel Channel { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? Address { get; init; }

    public string? AddressId { get; init; }

    public string? ZipCode { get; init; }

    public required string AnswersJson { get; init; }

    public string? StatusNote { get; init; }

    public required Instant CreatedAt { get; init; }

    public required Instant UpdatedAt { get; init; }

    public Instant? ClosedAt { get; init; }

    public Instant? ExpectedAt { get; init; }

    public required DataQualityFlags Quality { get; init; }

    public string? SourceData { get; init; }

    public required Guid CreatedEventId { get; init; }

    /// <summary>The change to the source's status, when it is not the status a new case starts in.</summary>
    public Guid? StatusEventId { get; init; }

    public Instant StatusEventAt { get; init; }
}
