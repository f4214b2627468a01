using CivicDesk.Core.CaseTypes;
using NodaTime;

namespace CivicDesk.Core.Cases;

/// <summary>Everything a validated request carries into a new case.</summary>
public sealed record NewCase(
    Guid Id,
    Guid JurisdictionId,
    Guid ServiceId,
    Guid DepartmentId,
    Guid QueueId,
    string Reference,
    Channel Channel,
    string? Description,
    CaseLocation Location,
    CaseAnswers Answers,
    string? SubmissionKey,
    Instant ReceivedAt)
{
    /// <summary>A link to media about the problem given by a partner system; kept as text, never fetched.</summary>
    public string? MediaUrl { get; init; }

    /// <summary>The case type version the case starts with; null where the jurisdiction has published none.</summary>
    public PinnedCaseType? CaseType { get; init; }

    /// <summary>The priority the triage table gave, or null (see <see cref="Case.Priority"/>).</summary>
    public int? Priority { get; init; }

    /// <summary>The resident's language as the channel knew it (a culture or language tag); null: default.</summary>
    public string? Language { get; init; }
}
