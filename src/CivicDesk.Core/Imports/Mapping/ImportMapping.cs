using System.Text.Json;
using CivicDesk.Core.Cases;

namespace CivicDesk.Core.Imports.Mapping;

/// <summary>
/// How one source system's CSV export becomes cases: which column holds what, the local date format,
/// and how the source's channels and statuses read in CivicDesk terms. Loaded from a JSON file such as
/// <c>samples/imports/nyc311.json</c>.
/// </summary>
public sealed record ImportMapping(
    string SourceSystem,
    string SourceName,
    string Jurisdiction,
    string Catalog,
    string DateFormat,
    MappedColumns Columns,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, Channel> Channels,
    Channel OtherChannel,
    IReadOnlyDictionary<string, CaseStatus> Statuses)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The catalogue file named by the mapping, resolved against the mapping file's folder.</summary>
    public string CatalogPath(string mappingPath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mappingPath))!, Catalog));

    public static async Task<ImportMapping> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = File.OpenRead(path);
        ImportMapping? mapping =
            await JsonSerializer.DeserializeAsync<ImportMapping>(stream, JsonOptions, cancellationToken);
        return mapping ?? throw new InvalidDataException($"The mapping file {Path.GetFileName(path)} is empty.");
    }

    /// <summary>What a usable mapping lacks, or null when it has everything it needs.</summary>
    public string? Problem()
    {
        string?[] required =
            [SourceSystem, Jurisdiction, Catalog, DateFormat, Columns?.Key, Columns?.Created, Columns?.Type];
        if (required.Any(string.IsNullOrWhiteSpace))
        {
            return "A mapping needs sourceSystem, jurisdiction, catalog, dateFormat "
                + "and the key, created and type columns.";
        }

        return Answers is null || Channels is null || Statuses is null
            ? "A mapping needs answers, channels and statuses (each may be empty)."
            : null;
    }
}
