using System.Buffers;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Records;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Core.Cases.Routing;

/// <summary>
/// Decides where a new case goes and how urgent it is. A case pinned to a case type version that names a routing
/// and/or triage table is decided by those tables (compiled once per content hash, see
/// <see cref="RoutingPolicies.ForCaseType"/>); a case without a case type, or whose type names neither table, is
/// decided by the jurisdiction's routing policy from settings, if any. The routing table gives the department
/// (and the queue, when it names a <c>queue</c> output), the triage table the priority. Each output that cannot
/// be given (a service not in the table, a code that names no department, a priority out of range) falls back to
/// the default placement, and the decision says which.
/// </summary>
public sealed class CaseRouter(
    CivicDeskDbContext db,
    CatalogCache catalog,
    RoutingPolicies policies,
    PinnedCaseTypes caseTypes)
{
    /// <summary>The decision for a new case, or null when neither its case type nor its jurisdiction routes.</summary>
    public async Task<RoutingOutcome?> RouteAsync(
        Jurisdiction jurisdiction,
        Service service,
        Guid defaultQueueId,
        CaseAnswers answers,
        PinnedCaseType? caseType,
        Instant receivedAt,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<RoutingPolicy>? chosen = await ChooseAsync(jurisdiction, caseType, cancellationToken);
        if (chosen is null)
        {
            return null;
        }

        DepartmentDirectory directory = await DepartmentDirectory.LoadAsync(db, catalog, jurisdiction.Id,
            cancellationToken);
        return Decide(chosen, directory, jurisdiction, service, defaultQueueId, answers, receivedAt);
    }

    /// <summary>The case type's tables when it has any, else the jurisdiction's policy from settings.</summary>
    /// <remarks>The loaded case type comes from <see cref="CaseTypeCache"/>: no database read once it is cached.
    /// </remarks>
    private async ValueTask<IReadOnlyList<RoutingPolicy>?> ChooseAsync(
        Jurisdiction jurisdiction,
        PinnedCaseType? caseType,
        CancellationToken cancellationToken)
    {
        if (caseType is not null
            && await caseTypes.ForPinAsync(jurisdiction.Id, caseType, cancellationToken) is { } loaded
            && policies.ForCaseType(loaded) is { } tables)
        {
            return tables;
        }

        return policies.For(jurisdiction.Code) is { } policy ? [policy] : null;
    }

    internal static RoutingOutcome Decide(
        IReadOnlyList<RoutingPolicy> chosen,
        DepartmentDirectory directory,
        Jurisdiction jurisdiction,
        Service service,
        Guid defaultQueueId,
        CaseAnswers answers,
        Instant receivedAt)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(jurisdiction.TimeZoneId) ?? DateTimeZone.Utc;
        LocalDate asOf = receivedAt.InZone(zone).Date;
        Value? departmentCode = null;
        Value? queueCode = null;
        Value? level = null;
        bool hasQueueOutput = false;
        List<(DecisionRecord Record, string?[] Used)> records = new(chosen.Count);
        foreach (RoutingPolicy policy in chosen)
        {
            RuleInputs inputs = RuleInputs.For(policy.Rules);
            foreach (string name in policy.TextInputs)
            {
                string? value = name == "service_code" ? service.Code : answers.First(name);
                if (value is not null)
                {
                    inputs.Set(name, Value.Of(value));
                }
            }

            EvaluationResult result = policy.Compiled.Evaluate(inputs, asOf, trace: true);
            departmentCode ??= policy.DepartmentName is { } d ? Output(result, d) : null;
            queueCode ??= policy.QueueName is { } q ? Output(result, q) : null;
            level ??= policy.PriorityName is { } p ? Output(result, p) : null;
            hasQueueOutput |= policy.HasQueueOutput;
            records.Add((DecisionRecords.Create(policy.Rules, inputs, result),
                [policy.DepartmentName, policy.QueueName, policy.PriorityName]));
        }

        List<string> fallbacks = [];
        DepartmentEntry? department = departmentCode is TextValue code ? directory.ByCode(code.Value) : null;
        if (department?.DefaultQueue is null)
        {
            department = null;
            fallbacks.Add(RoutingPolicy.DepartmentOutput);
        }

        Guid departmentId = department?.Id ?? service.DepartmentId;
        Guid queueId = department?.DefaultQueue?.Id ?? defaultQueueId;
        if (hasQueueOutput)
        {
            QueueEntry? queue = queueCode is TextValue queueText
                ? (department ?? directory.ById(departmentId))?.Queue(queueText.Value)
                : null;
            if (queue is null)
            {
                fallbacks.Add(RoutingPolicy.QueueOutput);
            }
            else
            {
                queueId = queue.Id;
            }
        }

        int? priority = level is IntegerValue integer && CasePriority.IsValid(integer.Value)
            ? (int)integer.Value
            : null;
        if (priority is null)
        {
            fallbacks.Add(RoutingPolicy.PriorityOutput);
        }

        DepartmentEntry? placed = directory.ById(departmentId);
        string data = Write(records, placed?.Code, placed?.Queue(queueId)?.Code, priority, fallbacks);
        return new RoutingOutcome(departmentId, queueId, priority, data);
    }

    private static Value? Output(EvaluationResult result, string name)
    {
        foreach ((string outputName, Value value) in result.Outputs)
        {
            if (outputName == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// The timeline data: the rules library's decision record (rule set id, version, content hash, as-of date,
    /// inputs, outputs and trace, each already canonical JSON, written in raw) and what was applied. When a case
    /// type's triage table is another rule set than its routing table, its record follows under <c>triage</c>.
    /// </summary>
    private static string Write(
        List<(DecisionRecord Record, string?[] Used)> records,
        string? department,
        string? queue,
        int? priority,
        List<string> fallbacks)
    {
        int size = 512 + records.Sum(r => 256 + r.Record.Trace.Length + r.Record.Inputs.Length
            + r.Record.Outputs.Length);
        ArrayBufferWriter<byte> buffer = new(size);
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartObject();
            WriteRecord(writer, records[0].Record, records.Count > 1 ? records[0].Used : null);
            if (records.Count > 1)
            {
                writer.WriteStartObject(DecisionJson.Triage);
                WriteRecord(writer, records[1].Record, records[1].Used);
                writer.WriteEndObject();
            }

            writer.WriteStartObject(DecisionJson.Applied);
            writer.WriteString(DecisionJson.Department, department);
            writer.WriteString(DecisionJson.Queue, queue);
            if (priority is int level)
            {
                writer.WriteNumber(DecisionJson.Priority, level);
            }
            else
            {
                writer.WriteNull(DecisionJson.Priority);
            }

            writer.WriteEndObject();
            writer.WriteStartArray(DecisionJson.Fallbacks);
            foreach (string fallback in fallbacks)
            {
                writer.WriteStringValue(fallback);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One rule set's record; with two rule sets, <c>used</c> names the outputs applied from each.</summary>
    private static void WriteRecord(Utf8JsonWriter writer, DecisionRecord record, string?[]? used)
    {
        writer.WriteString(DecisionJson.RuleSetId, record.RuleSetId);
        writer.WriteString(DecisionJson.RuleSetVersion, record.RuleSetVersion);
        writer.WriteString(DecisionJson.ContentHash, record.ContentHash);
        writer.WriteString(DecisionJson.AsOf, record.AsOf.ToString("uuuu-MM-dd", null));
        writer.WritePropertyName(DecisionJson.Inputs);
        writer.WriteRawValue(record.Inputs, skipInputValidation: true);
        writer.WriteString(DecisionJson.InputsHash, record.InputsHash);
        writer.WritePropertyName(DecisionJson.Outputs);
        writer.WriteRawValue(record.Outputs, skipInputValidation: true);
        writer.WritePropertyName(DecisionJson.Trace);
        writer.WriteRawValue(record.Trace, skipInputValidation: true);
        if (used is not null)
        {
            writer.WriteStartArray(DecisionJson.Used);
            foreach (string? output in used)
            {
                if (output is not null)
                {
                    writer.WriteStringValue(output);
                }
            }

            writer.WriteEndArray();
        }
    }
}

/// <summary>Where a new case goes, and the decision to record on its timeline.</summary>
public sealed record RoutingOutcome(Guid DepartmentId, Guid QueueId, int? Priority, string Data);
