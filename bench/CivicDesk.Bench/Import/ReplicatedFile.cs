using System.Globalization;
using System.Text;

namespace CivicDesk.Bench.Import;

/// <summary>
/// Writes the NYC 311 sample over and over until the file has the rows asked for, each copy with fresh keys:
/// the first column (Unique Key) becomes the copy number followed by the original key.
/// </summary>
internal static class ReplicatedFile
{
    public static async Task<long> WriteAsync(string sample, string path, int rows, CancellationToken cancellationToken)
    {
        string[] lines = await File.ReadAllLinesAsync(sample, cancellationToken);
        await using StreamWriter writer = new(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        await writer.WriteLineAsync(lines[0].AsMemory(), cancellationToken);
        long written = 0;
        for (int copy = 0; written < rows; copy++)
        {
            string prefix = copy.ToString("D4", CultureInfo.InvariantCulture);
            for (int i = 1; i < lines.Length && written < rows; i++)
            {
                await writer.WriteLineAsync((prefix + lines[i]).AsMemory(), cancellationToken);
                written++;
            }
        }

        return written;
    }
}
