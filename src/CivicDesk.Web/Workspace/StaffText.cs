using System.Globalization;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Workflow.CaseTypes;
using CivicDesk.Workflow.Sla;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;

namespace CivicDesk.Web.Workspace;

/// <summary>
/// The words the workspace shows for codes: statuses, data-quality flags, event kinds, errors, times.
/// </summary>
public sealed class StaffText(IStringLocalizer<WorkspaceResources> text, PasswordPolicy passwords)
{
    // The values the 311 case type's guard on "cancel" allows (samples/case-types/nyc-311.yaml).
    private static readonly Dictionary<string, string[]> FieldCodes = new(StringComparer.Ordinal)
    {
        ["cancel_reason"] = ["duplicate", "resident_request", "not_a_city_matter"],
    };

    private static readonly ZonedDateTimePattern LocalPattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm o<+HH:mm>", null);

    public string this[string key] => text[key];

    public string Status(CaseStatus status) => text["Status_" + status];

    public string Flag(DataQualityFlags flag) => text["Quality_" + flag];

    public IEnumerable<string> Flags(DataQualityFlags flags) =>
        Enum.GetValues<DataQualityFlags>().Where(f => f != DataQualityFlags.None && flags.HasFlag(f)).Select(Flag);

    public string Event(CaseEventKind kind) => text["Event_" + kind];

    public string Channel(Channel channel) => text["Channel_" + channel];

    /// <summary>A resource with its placeholders filled in the reader's culture.</summary>
    public string Format(string key, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, text[key], values);

    /// <summary>A clock's name in the reader's language when the workspace knows it, else its id.</summary>
    public string SlaClockName(string clockId)
    {
        LocalizedString name = text["SlaClock_" + clockId];
        return name.ResourceNotFound ? clockId : name.Value;
    }

    /// <summary>An escalation of a case type by the workspace's words for it, else its id.</summary>
    public string EscalationName(string escalationId) => Named("Escalation_", escalationId);

    /// <summary>A business calendar by the workspace's words for it, else its id.</summary>
    public string CalendarName(string calendarId) => Named("Calendar_", calendarId);

    /// <summary>A queue code (as an escalation names it) by the workspace's words for it, else the code.</summary>
    public string QueueLabel(string queueCode) => Named("QueueLabel_", queueCode);

    /// <summary>
    /// The reader's words for a queue every department has (<c>main</c>, <c>supervisor-review</c>), named after its
    /// department's code; null for another queue. Used where the catalogue has no translation of the queue's name,
    /// as for the queues an import creates with its departments.
    /// </summary>
    public string? QueueFallback(string queueCode, string departmentCode)
    {
        LocalizedString words = text["QueueFallback_" + queueCode];
        return words.ResourceNotFound ? null : string.Format(CultureInfo.CurrentCulture, words.Value, departmentCode);
    }

    private string Named(string prefix, string code)
    {
        LocalizedString name = text[prefix + code];
        return name.ResourceNotFound ? code : name.Value;
    }

    /// <summary>
    /// A region of the time-zone list (tzdb's first id segment: America, Europe…) in the reader's language; a
    /// region the workspace has no words for (an alias such as <c>US</c>) is shown as it is.
    /// </summary>
    public string ZoneRegion(string region)
    {
        LocalizedString name = text["ZoneRegion_" + region];
        return name.ResourceNotFound ? region : name.Value;
    }

    /// <summary>
    /// A deadline in the reader's language, in <paramref name="zone"/> and always with its UTC offset, such as
    /// "Tuesday, December 8, 2026 6:00 PM (UTC-05:00)".
    /// </summary>
    public string Deadline(Instant at, DateTimeZone zone) =>
        ViewerTime.Format(at, zone, text["SlaDeadlinePattern"], CultureInfo.CurrentCulture);

    /// <summary>A duration as days, hours and minutes in the reader's language.</summary>
    public string Span(Duration span)
    {
        long minutes = (long)Math.Floor(span.TotalMinutes);
        return string.Format(
            CultureInfo.CurrentCulture, text["SlaSpan"], minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    }

    /// <summary>A priority as shown to staff: "1 (most urgent)" style words, or "not triaged".</summary>
    public string Priority(int? priority) => priority is int level
        ? string.Format(CultureInfo.CurrentCulture, text["PriorityValue"], level)
        : text["PriorityNone"];

    /// <summary>The name of a routing output (department, queue, priority) in the reader's language.</summary>
    public string RoutingOutput(string output) => text["RoutingOutput_" + output];

    /// <summary>A case type's label (a state, a transition) in the reader's language.</summary>
    public static string Label(LocalizedText label) => Language == "es" ? label.Es : label.En;

    /// <summary>
    /// A case type field's label: the workspace's words for it when it has them, else the field's name made
    /// readable (<c>referred_to</c> becomes "Referred to"), since case types do not label their fields.
    /// </summary>
    // Limitation: a case type other than the 311 one shows its fields by name until the workspace's resources, or
    // the case type format (labels on fields and transitions), give them words.
    public string Field(string name)
    {
        LocalizedString label = text["Field_" + name];
        if (!label.ResourceNotFound)
        {
            return label.Value;
        }

        string words = name.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The workspace's hint for a case type field, if it has one.</summary>
    public string? FieldHint(string name)
    {
        LocalizedString hint = text["FieldHint_" + name];
        return hint.ResourceNotFound ? null : hint.Value;
    }

    /// <summary>
    /// The codes a case type field accepts, each with the workspace's words for it (the code itself when it has
    /// none), so the form offers a choice and submits the code; empty for a free-text field.
    /// </summary>
    public IReadOnlyList<(string Code, string Label)> FieldChoices(string name) =>
        FieldCodes.TryGetValue(name, out string[]? codes) ? [.. codes.Select(c => (c, FieldChoice(name, c)))] : [];

    private string FieldChoice(string field, string code)
    {
        LocalizedString label = text[$"FieldChoice_{field}_{code}"];
        return label.ResourceNotFound ? code : label.Value;
    }

    /// <summary>The reader's two-letter language, to pick a rule set's labels.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>
    /// A time in <paramref name="zone"/> (the viewer's) with its UTC offset, such as <c>2025-03-04 09:00 -05:00</c>.
    /// </summary>
    public static string When(Instant instant, DateTimeZone zone) => LocalPattern.Format(instant.InZone(zone));

    /// <summary>The same instant in ISO 8601 for a <c>time</c> element's <c>datetime</c>.</summary>
    public static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>
    /// A field error in the reader's language when a translation exists for the field and code, or else for the
    /// code whatever the field (<c>Error_invalid_text</c>), else Core's English message. A translation may name
    /// the configured password lengths: <c>{0}</c> the minimum, <c>{1}</c> the maximum.
    /// </summary>
    public string Error(FieldError error)
    {
        LocalizedString translated = text[$"Error_{error.Field}_{error.Code}"];
        if (translated.ResourceNotFound)
        {
            translated = text[$"Error_{error.Code}"];
        }

        return translated.ResourceNotFound
            ? error.Message
            : string.Format(
                CultureInfo.CurrentCulture, translated.Value, passwords.MinLength, StaffNames.MaxPasswordLength);
    }
}
