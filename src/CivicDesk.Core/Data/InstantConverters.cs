using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace CivicDesk.Core.Data;

/// <summary>Stores an instant as ticks since the Unix epoch, which sorts and compares like the instant.</summary>
internal sealed class InstantToTicksConverter() : ValueConverter<Instant, long>(
    instant => instant.ToUnixTimeTicks(),
    ticks => Instant.FromUnixTimeTicks(ticks));

/// <summary>Stores an instant as a UTC <see cref="DateTime"/>, which Npgsql writes as timestamptz.</summary>
internal sealed class InstantToUtcDateTimeConverter() : ValueConverter<Instant, DateTime>(
    instant => instant.ToDateTimeUtc(),
    value => Instant.FromDateTimeUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
