namespace CivicDesk.Web.Hosting;

/// <summary>What a first start seeds. Bound to the <c>Demo</c> section; paths are relative to the app.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>The catalogue file of the demo jurisdiction; empty seeds nothing.</summary>
    public string Catalog { get; set; } = "samples/catalog/nyc.json";

    /// <summary>The NYC 311 file imported as the demo's history.</summary>
    public string History { get; set; } = "samples/nyc311/nyc311_2023_sample_5k.csv";

    /// <summary>The mapping through which <see cref="History"/> is imported.</summary>
    public string HistoryMapping { get; set; } = "samples/imports/nyc311.json";

    public bool SeedHistory { get; set; } = true;

    /// <summary>The case type published for the demo jurisdiction's services; empty publishes none.</summary>
    public string CaseType { get; set; } = "samples/case-types/nyc-311.yaml";

    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
