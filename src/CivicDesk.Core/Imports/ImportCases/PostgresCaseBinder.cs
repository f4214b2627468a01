using CivicDesk.Core.Cases;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>Writes an imported case and its events as binary COPY rows in <see cref="ImportSql"/>'s order.</summary>
internal static class PostgresCaseBinder
{
    public static async Task WriteCaseAsync(
        NpgsqlBinaryImporter copy,
        ImportedCase row,
        ImportTarget target,
        CancellationToken ct)
    {
        await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(target.JurisdictionId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(row.Place.ServiceId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(row.Place.DepartmentId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(row.Place.QueueId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(row.SourceKey, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(row.Status.ToString(), NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(row.Channel.ToString(), NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(copy, row.Latitude, ct);
        await WriteNullableAsync(copy, row.Longitude, ct);
        await WriteTextAsync(copy, row.Address, ct);
        await WriteTextAsync(copy, row.AddressId, ct);
        await WriteTextAsync(copy, row.ZipCode, ct);
        await copy.WriteAsync(row.AnswersJson, NpgsqlDbType.Text, ct);
        await WriteTextAsync(copy, row.StatusNote, ct);
        await WriteInstantAsync(copy, row.CreatedAt, ct);
        await WriteInstantAsync(copy, row.UpdatedAt, ct);
        await WriteInstantAsync(copy, row.ClosedAt, ct);
        await WriteInstantAsync(copy, row.ExpectedAt, ct);
        await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync((int)row.Quality, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(target.SourceSystem, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(row.SourceKey, NpgsqlDbType.Varchar, ct);
        await WriteTextAsync(copy, row.SourceData, ct);
        await WriteTextAsync(copy, row.Place.CaseType?.Key, ct);
        await WriteNullableAsync(copy, row.Place.CaseType?.Version, ct);
        await WriteTextAsync(copy, row.Place.CaseType?.ContentHash, ct);
    }

    public static Task WriteCreatedEventAsync(
        NpgsqlBinaryImporter copy,
        ImportedCase row,
        ImportTarget target,
        CancellationToken ct) =>
        WriteEventAsync(copy, row.CreatedEventId, row.Id, CaseEventKind.Created, row.CreatedAt, target,
            (null, null, CaseStatus.New), ct);

    public static Task WriteStatusEventAsync(
        NpgsqlBinaryImporter copy,
        ImportedCase row,
        ImportTarget target,
        CancellationToken ct) =>
        WriteEventAsync(copy, row.StatusEventId!.Value, row.Id, CaseEventKind.StatusChanged, row.StatusEventAt, target,
            (row.StatusNote, CaseStatus.New, row.Status), ct);

    private static async Task WriteEventAsync(
        NpgsqlBinaryImporter copy,
        Guid id,
        Guid caseId,
        CaseEventKind kind,
        Instant at,
        ImportTarget target,
        (string? Text, CaseStatus? From, CaseStatus To) change,
        CancellationToken ct)
    {
        await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(caseId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(kind.ToString(), NpgsqlDbType.Varchar, ct);
        await WriteInstantAsync(copy, at, ct);
        await copy.WriteAsync(nameof(ActorKind.System), NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(target.ActorLabel, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(nameof(EventVisibility.Public), NpgsqlDbType.Varchar, ct);
        await WriteTextAsync(copy, change.Text, ct);
        await WriteTextAsync(copy, change.From?.ToString(), ct);
        await copy.WriteAsync(change.To.ToString(), NpgsqlDbType.Varchar, ct);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, double? value, CancellationToken ct) =>
        value is double present ? copy.WriteAsync(present, NpgsqlDbType.Double, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, int? value, CancellationToken ct) =>
        value is int present ? copy.WriteAsync(present, NpgsqlDbType.Integer, ct) : copy.WriteNullAsync(ct);

    private static Task WriteInstantAsync(NpgsqlBinaryImporter copy, Instant? value, CancellationToken ct) =>
        value is Instant present
            ? copy.WriteAsync(present.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)
            : copy.WriteNullAsync(ct);
}
