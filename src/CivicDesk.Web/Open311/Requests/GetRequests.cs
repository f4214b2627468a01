using System.Globalization;
using CivicDesk.Core.Common;
using CivicDesk.Web.Open311.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CivicDesk.Web.Open311.Requests;

/// <summary>
/// <c>GET /open311/v2/requests.{format}</c>: requests by id list, or by service, date range and status,
/// a page at a time (<c>page</c> from 1, <c>page_size</c> up to <see cref="MaxPageSize"/>).
/// </summary>
internal static class GetRequests
{
    /// <summary>The spec's "first 1000 requests" is both the default and the largest page.</summary>
    public const int MaxPageSize = 1000;
    public const int MaxIds = 1000;

    /// <summary>The spec's default and largest date range.</summary>
    public static readonly Duration MaxRange = Duration.FromDays(90);

    public static async Task<Results<Open311Ok<RequestList>, Open311Errors>> HandleAsync(
        string format,
        HttpRequest request,
        [FromServices] JurisdictionLookup jurisdictions,
        [FromServices] RequestQueries queries,
        [FromServices] TimeProvider time,
        [FromServices] IOptions<Open311Options> options,
        CancellationToken cancellationToken)
    {
        Open311Parameters parameters = Open311Parameters.From(request);
        Open311Call call = await Open311Call.BeginAsync(format, parameters, jurisdictions, cancellationToken);
        if (call.Error is { } error)
        {
            return error;
        }

        List<string> errors = [];
        int page = ReadInteger(parameters, "page", 1, int.MaxValue, 1, errors);
        int pageSize = ReadInteger(parameters, "page_size", 1, MaxPageSize, MaxPageSize, errors);
        RequestFilter? filter = ReadFilter(parameters, time.GetCurrentInstant(), errors);
        long skip = (page - 1L) * pageSize;
        if (skip > int.MaxValue)
        {
            errors.Add("page: is beyond the last possible page.");
        }

        errors.AddRange(parameters.Errors);
        if (errors.Count > 0 || filter is null)
        {
            return Open311Errors.BadRequest(call.Format, [.. errors]);
        }

        PublicSite site = PublicSite.From(request, options.Value);
        IReadOnlyList<RequestView> found = await queries.PageAsync(
            call.Jurisdiction!, filter, (int)skip, pageSize, site, cancellationToken);
        return new Open311Ok<RequestList>(new RequestList(found), call.Format);
    }

    private static RequestFilter? ReadFilter(Open311Parameters parameters, Instant now, List<string> errors)
    {
        IReadOnlyList<string> ids = parameters.List("service_request_id");
        if (ids.Count > MaxIds)
        {
            errors.Add($"service_request_id: at most {MaxIds} ids may be asked for at once.");
            return null;
        }

        if (ids.Count > 0)
        {
            return new RequestFilter(ids, [], now, now, null);
        }

        bool? open = ReadStatus(parameters.List("status"), errors);
        Instant? start = ReadDate(parameters, "start_date", errors);
        Instant? end = ReadDate(parameters, "end_date", errors);
        if (errors.Count > 0)
        {
            return null;
        }

        (Instant from, Instant to) = (start, end) switch
        {
            (Instant s, Instant e) => (s, e),
            (Instant s, null) => (s, s + MaxRange),
            (null, Instant e) => (e - MaxRange, e),
            _ => (now - MaxRange, now),
        };
        if (from > to)
        {
            errors.Add("start_date: must not be later than end_date.");
        }
        else if (to - from > MaxRange)
        {
            errors.Add($"end_date: the range from start_date may not span more than {MaxRange.Days} days.");
        }

        return errors.Count > 0 ? null : new RequestFilter(null, parameters.List("service_code"), from, to, open);
    }

    private static bool? ReadStatus(IReadOnlyList<string> statuses, List<string> errors)
    {
        bool wantsOpen = false;
        bool wantsClosed = false;
        foreach (string status in statuses)
        {
            if (string.Equals(status, "open", StringComparison.OrdinalIgnoreCase))
            {
                wantsOpen = true;
            }
            else if (string.Equals(status, "closed", StringComparison.OrdinalIgnoreCase))
            {
                wantsClosed = true;
            }
            else
            {
                errors.Add($"status: '{Open311Text.Echo(status)}' is neither open nor closed.");
            }
        }

        return wantsOpen == wantsClosed ? null : wantsOpen;
    }

    private static Instant? ReadDate(Open311Parameters parameters, string name, List<string> errors)
    {
        string? text = parameters.Single(name);
        if (text is null)
        {
            return null;
        }

        if (Open311Dates.TryParse(text, out Instant instant))
        {
            return instant;
        }

        errors.Add($"{name}: '{Open311Text.Echo(text)}' is not a W3C date-time with an offset between the years "
            + "1900 and 9000, such as 2023-02-28T23:45:00-05:00 or 2023-03-01T04:45:00.250Z.");
        return null;
    }

    private static int ReadInteger(
        Open311Parameters parameters,
        string name,
        int min,
        int max,
        int fallback,
        List<string> errors)
    {
        string? text = parameters.Single(name);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{name}: '{Open311Text.Echo(text)}' is not a whole number from {min} to {max}.");
        return fallback;
    }
}
