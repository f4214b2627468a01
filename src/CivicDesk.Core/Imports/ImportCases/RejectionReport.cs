using System.Text;
using CivicDesk.Core.Common;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// The CSV file listing every row a run could not accept: line number, source key, reason. It is written as
/// rows are read, so a long file needs no memory for it, and it exists (with its header) even when empty.
/// Source keys come from the file being imported, so every cell goes through <see cref="CsvCell"/>.
/// </summary>
internal sealed class RejectionReport(string path) : IAsyncDisposable
{
    private readonly StreamWriter _writer = new(path, append: false, new UTF8Encoding(false));

    public string Path => path;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await _writer.WriteLineAsync("line_number,source_key,reason".AsMemory(), cancellationToken);

    public async Task AddAsync(Rejection rejection, CancellationToken cancellationToken)
    {
        string line = string.Join(
            ',',
            rejection.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CsvCell.Format(rejection.SourceKey),
            CsvCell.Format(rejection.Reason));
        await _writer.WriteLineAsync(line.AsMemory(), cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
