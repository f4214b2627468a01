namespace CivicDesk.Core.Imports.Mapping;

/// <summary>The source columns of a mapping. Key, created and type are required; the rest may be absent.</summary>
public sealed record MappedColumns(
    string Key,
    string Created,
    string Type,
    string? Closed = null,
    string? Updated = null,
    string? Due = null,
    string? Department = null,
    string? DepartmentName = null,
    string? Channel = null,
    string? Status = null,
    string? StatusNote = null,
    string? Address = null,
    string? AddressId = null,
    string? ZipCode = null,
    string? Latitude = null,
    string? Longitude = null);
