using System.Buffers;
using System.Text;
using System.Text.Json;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Data;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Rules.Evaluation;
using CivicDesk.Rules.Records;
using CivicDesk.Rules.Values;
using NodaTime;

namespace CivicDesk.Core.Cases.Routing;

/// <summary>
/// Decides where a new case goes and how urgent it is, from the jurisdiction's routing policy: the routing table
/// gives the department (and the queue, when the policy has a <c>queue</c> output), the triage table the
/// priority. Each output the policy cannot give (a service not in the table, a code that names no department,
/// a priority out of range) falls back to the default placement, and the decision says which.
/// </summary>
public sealed class CaseRouter(CivicDeskDbContext db, CatalogCache catalog, RoutingPolicies policies)
{
    /// <summary>The decision for a new case, or null when the jurisdiction has no routing policy.</summary>
    public async Task<RoutingOutcome?> RouteAsync(
        Jurisdiction jurisdiction,
        Service service,
        Guid defaultQueueId,
        CaseAnswers answers,
        Instant receivedAt,
        CancellationToken cancellationToken)
    {
        RoutingPolicy? policy = policies.For(jurisdiction.Code);
        if (policy is null)
        {
            return null;
        }

        DepartmentDirectory directory = await DepartmentDirectory.LoadAsync(db, catalog, jurisdiction.Id,
            cancellationToken);
        return Decide(policy, directory, jurisdiction, service, defaultQueueId, answers, receivedAt);
    }

    internal static RoutingOutcome Decide(
        RoutingPolicy policy,
        DepartmentDirectory directory,
        Jurisdiction jurisdiction,
        Service service,
        Guid defaultQueueId,
        CaseAnswers answers,
        Instant receivedAt)
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

        DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(jurisdiction.TimeZoneId) ?? DateTimeZone.Utc;
        LocalDate asOf = receivedAt.InZone(zone).Date;
        EvaluationResult result = policy.Compiled.Evaluate(inputs, asOf, trace: true);

        List<string> fallbacks = [];
        DepartmentEntry? department = Output(result, RoutingPolicy.DepartmentOutput) is TextValue code
            ? directory.ByCode(code.Value)
            : null;
        if (department?.DefaultQueue is null)
        {
            department = null;
            fallbacks.Add(RoutingPolicy.DepartmentOutput);
        }

        Guid departmentId = department?.Id ?? service.DepartmentId;
        Guid queueId = department?.DefaultQueue?.Id ?? defaultQueueId;
        if (policy.HasQueueOutput)
        {
            QueueEntry? queue = Output(result, RoutingPolicy.QueueOutput) is TextValue queueCode
                ? (department ?? directory.ById(departmentId))?.Queue(queueCode.Value)
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

        int? priority = Output(result, RoutingPolicy.PriorityOutput) is IntegerValue level
            && CasePriority.IsValid(level.Value)
                ? (int)level.Value
                : null;
        if (priority is null)
        {
            fallbacks.Add(RoutingPolicy.PriorityOutput);
        }

        DepartmentEntry? placed = directory.ById(departmentId);
        DecisionRecord record = DecisionRecords.Create(policy.Rules, inputs, result);
        string data = Write(record, placed?.Code, placed?.Queue(queueId)?.Code, priority, fallbacks);
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
    /// inputs, outputs and trace, each already canonical JSON, written in raw) and what was applied.
    /// </summary>
    private static string Write(DecisionRecord record, string? department, string? queue, int? priority,
        List<string> fallbacks)
    {
        ArrayBufferWriter<byte> buffer = new(512 + record.Trace.Length + record.Inputs.Length + record.Outputs.Length);
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartObject();
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
}

/// <summary>Where a new case goes, and the decision to record on its timeline.</summary>
public sealed record RoutingOutcome(Guid DepartmentId, Guid QueueId, int? Priority, string Data);
