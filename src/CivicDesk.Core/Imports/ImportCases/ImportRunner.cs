using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using nietras.SeparatedValues;
using Npgsql;
using NodaTime;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>
/// One run over one file: reads rows, writes them in batches of one transaction each, and in the last
/// transaction records the run's counts and its audit entry. A run that fails part-way keeps the batches it
/// committed; running the file again completes it, since present keys are skipped.
/// </summary>
internal sealed class ImportRunner(
    CivicDeskDbContext db,
    TimeProvider time,
    CaseTypeResolver caseTypes,
    ILogger logger,
    ImportTarget target)
{
    public async Task<ImportSummary> RunAsync(
        ImportCases request,
        ImportRun run,
        string jurisdictionCode,
        SepReader reader,
        RowMapper mapper,
        CancellationToken cancellationToken)
    {
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        Log.ImportStarted(logger, run.Id, target.SourceSystem, jurisdictionCode);
        Stopwatch clock = Stopwatch.StartNew();

        string reportPath = request.ReportPath
            ?? Path.Combine(Path.GetTempPath(), $"civicdesk-import-{run.Id}-rejected.csv");
        ImportTally tally = new();
        ServiceDirectory directory = new(db, time, caseTypes, target.JurisdictionId, target.SourceSystem);
        await directory.LoadAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using RejectionReport report = new(reportPath);
            await report.StartAsync(cancellationToken);
            await using ICaseWriter writer = await CreateWriterAsync(tally, report, cancellationToken);
            IDbContextTransaction transaction = await BeginAsync(writer, cancellationToken);
            transaction = await ReadAllAsync(
                request, reader, mapper, directory, writer, tally, report, transaction, cancellationToken);
            await FinishAsync(run, tally, directory, writer, transaction, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        Log.ImportCompleted(logger, run.Id, tally.RowsRead, tally.Inserted, tally.AlreadyPresent, tally.Rejected,
            tally.Flagged, clock.ElapsedMilliseconds);
        return new ImportSummary(run.Id, target.SourceSystem, jurisdictionCode, tally.RowsRead, tally.Inserted,
            tally.AlreadyPresent, tally.Rejected, tally.Flagged, tally.ByFlag(), directory.ServicesCreated,
            directory.DepartmentsCreated, reportPath);
    }

    private async Task<IDbContextTransaction> ReadAllAsync(
        ImportCases request,
        SepReader reader,
        RowMapper mapper,
        ServiceDirectory directory,
        ICaseWriter writer,
        ImportTally tally,
        RejectionReport report,
        IDbContextTransaction transaction,
        CancellationToken cancellationToken)
    {
        using CancellationTokenSource reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        MappedRowReader rows = new(reader, mapper);
        Task readerTask = rows.StartAsync(reading.Token);
        try
        {
            long inBatch = 0;
            await foreach (MappedRow mapped in rows.Rows.ReadAllAsync(cancellationToken))
            {
                tally.RowsRead++;
                await WriteAsync(mapped, directory, writer, tally, report, cancellationToken);
                if (++inBatch >= request.BatchSize)
                {
                    transaction = await CommitBatchAsync(writer, transaction, cancellationToken);
                    inBatch = 0;
                }

                if (request.Progress is not null && tally.RowsRead % request.ProgressEvery == 0)
                {
                    request.Progress(tally.RowsRead);
                }
            }

            await readerTask;
            return transaction;
        }
        finally
        {
            // The reader must be done with the file before the caller disposes it; its own failure, if any,
            // already reached the loop above through the queue.
            await reading.CancelAsync();
            await readerTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task WriteAsync(
        MappedRow mapped,
        ServiceDirectory directory,
        ICaseWriter writer,
        ImportTally tally,
        RejectionReport report,
        CancellationToken cancellationToken)
    {
        if (mapped.Case is not ImportedCase row)
        {
            await report.AddAsync(mapped.Rejection!, cancellationToken);
            tally.CountRejected();
            return;
        }

        row.Place = await directory.PlaceAsync(
            row.ServiceCode, row.TypeName, row.DepartmentCode, row.DepartmentName, cancellationToken);
        await writer.AddAsync(row, cancellationToken);
    }

    private async Task<IDbContextTransaction> CommitBatchAsync(
        ICaseWriter writer,
        IDbContextTransaction transaction,
        CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        return await BeginAsync(writer, cancellationToken);
    }

    private async Task FinishAsync(
        ImportRun run,
        ImportTally tally,
        ServiceDirectory directory,
        ICaseWriter writer,
        IDbContextTransaction transaction,
        CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        Instant now = time.GetCurrentInstant();
        run.Finish(now, tally.RowsRead, tally.Inserted, tally.AlreadyPresent, tally.Rejected, tally.Flagged);
        Actor actor = new(ActorKind.System, null, target.ActorLabel, null);
        db.AuditEntries.Add(new AuditEntry(time.NewId(), now, actor, "import.completed", "import_run", run.Id)
        {
            Detail = JsonSerializer.Serialize(new
            {
                runId = run.Id,
                sourceSystem = target.SourceSystem,
                rowsRead = tally.RowsRead,
                inserted = tally.Inserted,
                alreadyPresent = tally.AlreadyPresent,
                rejected = tally.Rejected,
                flagged = tally.Flagged,
                servicesCreated = directory.ServicesCreated.Count,
                departmentsCreated = directory.DepartmentsCreated.Count,
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
    }

    private async Task<IDbContextTransaction> BeginAsync(ICaseWriter writer, CancellationToken cancellationToken)
    {
        IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        writer.Begin(transaction.GetDbTransaction());
        return transaction;
    }

    private async Task<ICaseWriter> CreateWriterAsync(
        ImportTally tally,
        RejectionReport report,
        CancellationToken cancellationToken)
    {
        DbConnection connection = db.Database.GetDbConnection();
        return db.IsPostgres
            ? new PostgresCaseWriter((NpgsqlConnection)connection, target, tally, report)
            : await SqliteCaseWriter.CreateAsync(
                (SqliteConnection)connection, target, tally, report, cancellationToken);
    }
}
