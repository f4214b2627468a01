using System.Globalization;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Jurisdictions;
using nietras.SeparatedValues;
using NodaTime;

namespace CivicDesk.Core.Imports.ImportCases;

internal sealed partial class RowMapper
{
    private ImportedCase Build(
        SepReader.Row row,
        long line,
        string key,
        (string Name, string Code) type,
        Instant created,
        ref DataQualityFlags flags)
    {
        Instant? closed = ReadTime(row, _layout.Closed, ref flags);
        Instant? updated = ReadTime(row, _layout.Updated, ref flags);
        Instant? due = ReadTime(row, _layout.Due, ref flags);
        (double? latitude, double? longitude) = ReadPoint(row, ref flags);
        string? zip = Text(row, _layout.ZipCode);
        flags |= TextFlags(row, zip) | (closed < created ? DataQualityFlags.ClosedBeforeCreated : 0);
        CaseStatus status = ReadStatus(row, closed);
        Instant? closedAt = ClosedAt(status, closed);
        Instant statusAt = closedAt ?? updated ?? created;
        Instant updatedAt = updated ?? Max(created, closedAt ?? created);
        return new ImportedCase
        {
            LineNumber = line,
            Id = _time.NewId(),
            SourceKey = key,
            TypeName = type.Name,
            ServiceCode = type.Code,
            DepartmentCode = Text(row, _layout.Department),
            DepartmentName = Text(row, _layout.DepartmentName),
            Status = status,
            Channel = ReadChannel(row),
            Latitude = latitude,
            Longitude = longitude,
            Address = Text(row, _layout.Address),
            AddressId = Text(row, _layout.AddressId),
            ZipCode = zip,
            AnswersJson = AnswersJson(row),
            StatusNote = Text(row, _layout.StatusNote),
            CreatedAt = created,
            UpdatedAt = updatedAt,
            ClosedAt = closedAt,
            ExpectedAt = due,
            Quality = flags,
            SourceData = SourceDataJson(row),
            CreatedEventId = _time.NewId(),
            StatusEventId = status == CaseStatus.New ? null : _time.NewId(),
            StatusEventAt = statusAt,
        };
    }

    // A closed time on a case whose status is still open is not the case's closing: it stays in the source data.
    private Instant? ClosedAt(CaseStatus status, Instant? closed)
    {
        if (status.IsOpen() && _layout.Closed >= 0)
        {
            _held[_layout.Closed] = false;
        }

        return status.IsOpen() ? null : closed;
    }

    private static DataQualityFlags TextFlags(SepReader.Row row, string? zip)
    {
        DataQualityFlags flags = zip is not null && TextQuality.IsPlaceholderZip(zip)
            ? DataQualityFlags.PlaceholderZip
            : DataQualityFlags.None;
        return TextQuality.LooksMisdecoded(row.Span) ? flags | DataQualityFlags.MisdecodedText : flags;
    }

    private Instant? ReadTime(SepReader.Row row, int index, ref DataQualityFlags flags)
    {
        if (index < 0 || row[index].Span.IsEmpty)
        {
            return null;
        }

        if (!_times.TryRead(row[index].Span, out Instant instant, out bool ambiguous))
        {
            flags |= DataQualityFlags.UnreadableValue;
            return null;
        }

        if (ambiguous)
        {
            flags |= DataQualityFlags.AmbiguousLocalTime;
        }

        _held[index] = !ambiguous;
        return instant;
    }

    private (double? Latitude, double? Longitude) ReadPoint(SepReader.Row row, ref DataQualityFlags flags)
    {
        if (_layout.Latitude < 0 || _layout.Longitude < 0)
        {
            return (null, null);
        }

        ReadOnlySpan<char> latitudeText = row[_layout.Latitude].Span;
        ReadOnlySpan<char> longitudeText = row[_layout.Longitude].Span;
        if (latitudeText.IsEmpty && longitudeText.IsEmpty)
        {
            return (null, null);
        }

        const NumberStyles Style = NumberStyles.Float;
        if (!double.TryParse(latitudeText, Style, CultureInfo.InvariantCulture, out double latitude)
            || !double.TryParse(longitudeText, Style, CultureInfo.InvariantCulture, out double longitude)
            || !GeoPoint.IsValid(latitude, longitude))
        {
            flags |= DataQualityFlags.UnreadableValue;
            return (null, null);
        }

        if (!_bounds.Contains(new GeoPoint(latitude, longitude)))
        {
            flags |= DataQualityFlags.OutsideJurisdiction;
        }

        _held[_layout.Latitude] = true;
        _held[_layout.Longitude] = true;
        return (latitude, longitude);
    }

    private CaseStatus ReadStatus(SepReader.Row row, Instant? closed)
    {
        if (_layout.Status < 0)
        {
            return closed is null ? CaseStatus.Open : CaseStatus.Closed;
        }

        return _mapping.Statuses[row[_layout.Status].ToString()];
    }

    private Channel ReadChannel(SepReader.Row row)
    {
        if (_layout.Channel < 0)
        {
            return _mapping.OtherChannel;
        }

        return _mapping.Channels.TryGetValue(row[_layout.Channel].ToString(), out Channel channel)
            ? channel
            : _mapping.OtherChannel;
    }

    private static Instant Max(Instant left, Instant right) => left > right ? left : right;

    private static string? Text(SepReader.Row row, int index)
    {
        if (index < 0)
        {
            return null;
        }

        ReadOnlySpan<char> span = row[index].Span;
        return span.IsEmpty ? null : span.ToString();
    }
}
