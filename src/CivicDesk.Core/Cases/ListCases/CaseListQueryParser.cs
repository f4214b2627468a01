using System.Globalization;
using CivicDesk.Core.Common;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Core.Cases.ListCases;

/// <summary>
/// Reads a case list query from URL parameters (<c>status</c>, <c>service</c>, <c>department</c>,
/// <c>created_from</c>, <c>created_to</c>, <c>quality</c>, <c>assigned</c>, <c>priority</c>, <c>sla</c>, <c>sort</c>,
/// <c>direction</c>, <c>page</c>, <c>page_size</c>). Every value it cannot read is reported under its parameter's name.
/// </summary>
public static class CaseListQueryParser
{
    /// <summary>
    /// The first and last local dates a filter may name. Their day boundaries, in any zone, stay inside
    /// what both databases store as an instant (the same years as Open311's date-times).
    /// </summary>
    public static readonly LocalDate EarliestDate = new(1900, 1, 1);

    public static readonly LocalDate LatestDate = new(8999, 12, 31);

    public static Result<CaseListQuery> Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        List<FieldError> errors = [];
        string? One(string name) =>
            parameters.TryGetValue(name, out IReadOnlyList<string>? values)
                ? values.Select(v => v.Trim()).LastOrDefault(v => v.Length > 0)
                : null;

        List<CaseStatus> statuses = [];
        foreach (string code in parameters.GetValueOrDefault("status") ?? [])
        {
            if (code.Length == 0)
            {
                continue;
            }

            if (CaseStatusExtensions.TryParseCode(code.Trim(), out CaseStatus status))
            {
                statuses.Add(status);
            }
            else
            {
                errors.Add(new FieldError("status", "invalid", $"'{code}' is not a case status."));
            }
        }

        (QualityFilter quality, DataQualityFlags flag) = ParseQuality(One("quality"), errors);
        CaseListQuery query = new()
        {
            Statuses = statuses.Distinct().ToArray(),
            ServiceCode = One("service"),
            DepartmentCode = One("department"),
            CreatedFrom = ParseDate(One("created_from"), "created_from", errors),
            CreatedTo = ParseDate(One("created_to"), "created_to", errors),
            Quality = quality,
            Flag = flag,
            Assignment = ParseChoice(One("assigned"), "assigned", AssignmentFilter.Any, errors),
            Sla = ParseChoice(One("sla"), "sla", SlaFilter.Any, errors),
            Priority = ParsePriority(One("priority"), errors),
            Sort = ParseChoice(One("sort"), "sort", CaseSort.Created, errors),
            Descending = ParseDirection(One("direction"), errors),
            Page = ParseNumber(One("page"), "page", 1, errors),
            PageSize = ParseNumber(One("page_size"), "page_size", CaseListQuery.DefaultPageSize, errors),
        };
        Check(query, errors);
        return errors.Count > 0 ? new ValidationFailed(errors) : query;
    }

    /// <summary>The lower-case code of a data-quality flag, such as <c>placeholder_zip</c>.</summary>
    public static string FlagCode(DataQualityFlags flag) => SnakeCase(flag.ToString());

    public static string Code<T>(T value)
        where T : struct, Enum => SnakeCase(value.ToString());

    private static void Check(CaseListQuery query, List<FieldError> errors)
    {
        if (query.Page < 1 || query.Page > 100_000)
        {
            errors.Add(new FieldError("page", "out_of_range", "The page is a number from 1 to 100000."));
        }

        if (!CaseListQuery.PageSizes.Contains(query.PageSize))
        {
            errors.Add(new FieldError(
                "page_size", "invalid", $"The page size is one of {string.Join(", ", CaseListQuery.PageSizes)}."));
        }

        if (query.CreatedFrom > query.CreatedTo)
        {
            errors.Add(new FieldError("created_to", "before_start", "The end date comes before the start date."));
        }
    }

    private static (QualityFilter, DataQualityFlags) ParseQuality(string? value, List<FieldError> errors)
    {
        if (value is null || value.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return (QualityFilter.Any, DataQualityFlags.None);
        }

        if (value.Equals("flagged", StringComparison.OrdinalIgnoreCase))
        {
            return (QualityFilter.Flagged, DataQualityFlags.None);
        }

        if (value.Equals("clean", StringComparison.OrdinalIgnoreCase))
        {
            return (QualityFilter.Clean, DataQualityFlags.None);
        }

        DataQualityFlags[] flags = Enum.GetValues<DataQualityFlags>().Where(f => f != DataQualityFlags.None).ToArray();
        DataQualityFlags flag = flags.FirstOrDefault(f
            => string.Equals(FlagCode(f), value, StringComparison.OrdinalIgnoreCase));
        if (flag != DataQualityFlags.None)
        {
            return (QualityFilter.Flag, flag);
        }

        errors.Add(new FieldError(
            "quality",
            "invalid",
            $"Use any, flagged, clean or one of {string.Join(", ", flags.Select(FlagCode))}."));
        return (QualityFilter.Any, DataQualityFlags.None);
    }

    private static T ParseChoice<T>(string? value, string field, T fallback, List<FieldError> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return fallback;
        }

        foreach (T candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Code(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        errors.Add(new FieldError(
            field, "invalid", $"Use one of {string.Join(", ", Enum.GetValues<T>().Select(v => Code(v)))}."));
        return fallback;
    }

    private static int? ParsePriority(string? value, List<FieldError> errors)
    {
        if (value is null || value.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int priority)
            && CasePriority.IsValid(priority))
        {
            return priority;
        }

        errors.Add(new FieldError("priority", "invalid",
            $"Use any or a priority from {CasePriority.Highest} to {CasePriority.Lowest}."));
        return null;
    }

    private static bool ParseDirection(string? value, List<FieldError> errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "desc":
                return true;
            case "asc":
                return false;
            default:
                errors.Add(new FieldError("direction", "invalid", "Use asc or desc."));
                return true;
        }
    }

    private static int ParseNumber(string? value, string field, int fallback, List<FieldError> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return number;
        }

        errors.Add(new FieldError(field, "invalid", "Use a whole number."));
        return fallback;
    }

    private static LocalDate? ParseDate(string? value, string field, List<FieldError> errors)
    {
        if (value is null)
        {
            return null;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(value);
        if (!parsed.Success)
        {
            errors.Add(new FieldError(field, "invalid", "Use a date such as 2025-03-01."));
            return null;
        }

        if (parsed.Value < EarliestDate || parsed.Value > LatestDate)
        {
            errors.Add(new FieldError(field, "out_of_range", "Use a date from 1900-01-01 to 8999-12-31."));
            return null;
        }

        return parsed.Value;
    }

    private static string SnakeCase(string name)
    {
        System.Text.StringBuilder code = new(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && code.Length > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }
}
