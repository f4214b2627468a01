using System.Threading.Channels;
using nietras.SeparatedValues;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>One source row after mapping: a case to write, or the reason it cannot be one.</summary>
internal readonly record struct MappedRow(ImportedCase? Case, Rejection? Rejection);

/// <summary>
/// Reads and maps the file's rows on its own task while the database writes the rows before them, so that
/// parsing and writing overlap. The queue between the two is bounded: memory stays constant however long the
/// file, and the reader waits when the writer falls behind.
/// </summary>
internal sealed class MappedRowReader(SepReader reader, RowMapper mapper)
{
    private const int Capacity = 2048;

    private readonly Channel<MappedRow> _rows = Channel.CreateBounded<MappedRow>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });

    public ChannelReader<MappedRow> Rows => _rows.Reader;

    /// <summary>Starts reading; a failure while reading ends the queue with that failure.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.Run(() => ReadAllAsync(cancellationToken), cancellationToken);

    private async Task ReadAllAsync(CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            while (await reader.MoveNextAsync(cancellationToken))
            {
                ImportedCase? row = mapper.Map(reader.Current, out Rejection? rejection);
                await _rows.Writer.WriteAsync(new MappedRow(row, rejection), cancellationToken);
            }
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            _rows.Writer.TryComplete(failure);
        }
    }
}
