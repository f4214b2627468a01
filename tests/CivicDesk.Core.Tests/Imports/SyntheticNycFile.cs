using System.Text;

namespace CivicDesk.Core.Tests.Imports;

/// <summary>Writes small synthetic files in the NYC 311 layout; each row starts from one plausible record.</summary>
internal sealed class SyntheticNycFile
{
    private static readonly string[] Header = File.ReadLines(ImportTestSupport.NycSample).First().Split(',');

    private readonly StringBuilder _text = new(string.Join(',', Header) + "\n");

    public SyntheticNycFile Row(string key, Action<Dictionary<string, string>>? change = null)
    {
        Dictionary<string, string> row = Header.ToDictionary(h => h, _ => string.Empty);
        row["Unique Key"] = key;
        row["Created Date"] = "02/28/2023 10:00:00 AM";
        row["Agency"] = "DSNY";
        row["Agency Name"] = "Department of Sanitation";
        row["Complaint Type"] = "Dirty Condition";
        row["Descriptor"] = "Trash";
        row["Incident Zip"] = "10001";
        row["Status"] = "Open";
        row["Open Data Channel Type"] = "ONLINE";
        row["Latitude"] = "40.75";
        row["Longitude"] = "-73.99";
        change?.Invoke(row);
        return Raw(string.Join(',', Header.Select(h => Quote(row[h]))));
    }

    public SyntheticNycFile Raw(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public async Task<string> WriteAsync()
    {
        string path = ImportTestSupport.TempFile(".csv");
        await File.WriteAllTextAsync(
            path, _text.ToString(), new UTF8Encoding(false), TestContext.Current.CancellationToken);
        return path;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) < 0
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
