using CivicDesk.Core.Cases;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// Binds an imported case to the prepared SQLite commands by parameter position (the order of
/// <see cref="ImportSql.CaseColumns"/> and <see cref="ImportSql.EventColumns"/>), in the model's SQLite
/// representation: ids as upper-case text, instants as ticks since the Unix epoch, enums by name.
/// </summary>
internal static class SqliteCaseBinder
{
    public static void BindConstants(SqliteCommand insertCase, SqliteCommand insertEvent, ImportTarget target)
    {
        SqliteParameterCollection p = insertCase.Parameters;
        p[1].Value = Id(target.JurisdictionId);
        p[19].Value = 1;
        p[21].Value = target.SourceSystem;

        SqliteParameterCollection e = insertEvent.Parameters;
        e[4].Value = nameof(ActorKind.System);
        e[5].Value = target.ActorLabel;
        e[6].Value = nameof(EventVisibility.Public);
    }

    public static void BindCase(SqliteCommand command, ImportedCase row)
    {
        SqliteParameterCollection p = command.Parameters;
        p[0].Value = Id(row.Id);
        p[2].Value = Id(row.Place.ServiceId);
        p[3].Value = Id(row.Place.DepartmentId);
        p[4].Value = Id(row.Place.QueueId);
        p[5].Value = row.SourceKey;
        p[6].Value = row.Status.ToString();
        p[7].Value = row.Channel.ToString();
        p[8].Value = Nullable(row.Latitude);
        p[9].Value = Nullable(row.Longitude);
        p[10].Value = Nullable(row.Address);
        p[11].Value = Nullable(row.AddressId);
        p[12].Value = Nullable(row.ZipCode);
        p[13].Value = row.AnswersJson;
        p[14].Value = Nullable(row.StatusNote);
        p[15].Value = Ticks(row.CreatedAt);
        p[16].Value = Ticks(row.UpdatedAt);
        p[17].Value = row.ClosedAt is Instant closed ? Ticks(closed) : DBNull.Value;
        p[18].Value = row.ExpectedAt is Instant expected ? Ticks(expected) : DBNull.Value;
        p[20].Value = (int)row.Quality;
        p[22].Value = row.SourceKey;
        p[23].Value = Nullable(row.SourceData);
        p[24].Value = Nullable(row.Place.CaseType?.Key);
        p[25].Value = Nullable(row.Place.CaseType?.Version);
        p[26].Value = Nullable(row.Place.CaseType?.ContentHash);
    }

    public static void BindCreatedEvent(SqliteCommand command, ImportedCase row)
    {
        SqliteParameterCollection e = command.Parameters;
        e[0].Value = Id(row.CreatedEventId);
        e[1].Value = Id(row.Id);
        e[2].Value = nameof(CaseEventKind.Created);
        e[3].Value = Ticks(row.CreatedAt);
        e[7].Value = DBNull.Value;
        e[8].Value = DBNull.Value;
        e[9].Value = nameof(CaseStatus.New);
    }

    public static void BindStatusEvent(SqliteCommand command, ImportedCase row)
    {
        SqliteParameterCollection e = command.Parameters;
        e[0].Value = Id(row.StatusEventId!.Value);
        e[2].Value = nameof(CaseEventKind.StatusChanged);
        e[3].Value = Ticks(row.StatusEventAt);
        e[7].Value = Nullable(row.StatusNote);
        e[8].Value = nameof(CaseStatus.New);
        e[9].Value = row.Status.ToString();
    }

    private static string Id(Guid id) => id.ToString("D").ToUpperInvariant();

    private static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    private static object Nullable<T>(T? value) where T : struct => value is T present ? present : DBNull.Value;

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;
}
