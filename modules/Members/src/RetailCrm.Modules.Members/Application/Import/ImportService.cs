using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Import;

/// <summary>An import batch as the API and the wizard show it.</summary>
internal sealed record ImportBatchView(
    Guid Id,
    ImportKind Kind,
    string FileName,
    ImportStatus Status,
    IReadOnlyList<string> Columns,
    IReadOnlyList<ImportField> Fields,
    IReadOnlyDictionary<string, string> Mapping,
    int TotalRows,
    int ErrorRows,
    int DuplicateRows,
    int ImportedRows,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime? CommittedAt,
    ImportReport Report);

/// <summary>A batch ready for a dry run or a commit: the stored batch, its file as read now, its fields and its mapping resolved against the file.</summary>
internal sealed record OpenBatch(ImportBatch Batch, TableContent Table, IReadOnlyList<ImportField> Fields, ResolvedMapping Mapping);

/// <summary>A short line of the list of recent batches.</summary>
internal sealed record ImportBatchSummary(Guid Id, ImportKind Kind, string FileName, ImportStatus Status, int TotalRows, int ImportedRows, string CreatedBy, DateTime CreatedAt);

/// <summary>
/// The import flow: upload (the file is kept on the batch) → column mapping (suggested from the
/// headers, editable) → dry run (row-by-row report, nothing written) → commit (all-or-nothing in
/// one transaction; error rows only left out when the user chose so; duplicates skipped unless
/// chosen). Every step reads the stored file again, so the commit acts on the data as it is then.
/// </summary>
/// <remarks>
/// A step is refused as <c>members/invalid-import</c> (400) when the file or the mapping is wrong, and as
/// <c>members/import-refused</c> (409) when the batch is not in a state for it; that refusal carries the batch and
/// its report as the extension <see cref="BatchExtension"/>, so the caller sees which rows are at fault.
/// </remarks>
internal sealed class ImportService(MembersDbContext db, CustomerImporter customerImporter, PurchaseImporter purchaseImporter, ICurrentUser currentUser, ITableFileReader reader)
{
    public const long MaxFileBytes = 32 * 1024 * 1024;
    public const string BatchExtension = "batch";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<ImportBatchView>> UploadAsync(ImportKind kind, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        TableContent table;
        try
        {
            table = reader.Read(fileName, content);
        }
        catch (TableFileException e)
        {
            return Invalid("The file cannot be imported", [new FieldRefusal("file", e.Text)]);
        }

        var fields = await FieldsAsync(kind, cancellationToken);
        var batch = new ImportBatch
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } name ? name : "import",
            Content = content,
            Mapping = JsonSerializer.Serialize(ImportFields.Suggest(fields, table.Headers), Json),
            Status = ImportStatus.Uploaded,
            TotalRows = table.Rows.Count,
            Report = JsonSerializer.Serialize(new ImportReport { TotalRows = table.Rows.Count }, Json),
            CreatedBy = currentUser.UserName ?? "unknown",
            CreatedAt = DateTime.UtcNow,
        };
        db.Set<ImportBatch>().Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return View(batch, table.Headers, fields);
    }

    public async Task<IReadOnlyList<ImportBatchSummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<ImportBatch>().AsNoTracking().OrderByDescending(b => b.CreatedAt).Take(50)
            .Select(b => new ImportBatchSummary(b.Id, b.Kind, b.FileName, b.Status, b.TotalRows, b.ImportedRows, b.CreatedBy, b.CreatedAt))
            .ToListAsync(cancellationToken);

    public async Task<Result<ImportBatchView>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var batch = await db.Set<ImportBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        return batch is null
            ? MembersRefusals.ImportBatchNotFound
            : View(batch, reader.Read(batch.FileName, batch.Content, headersOnly: true).Headers, await FieldsAsync(batch.Kind, cancellationToken));
    }

    public async Task<Result<ImportBatchView>> SetMappingAsync(Guid id, IReadOnlyDictionary<string, string> mapping, CancellationToken cancellationToken)
    {
        var batch = await db.Set<ImportBatch>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return MembersRefusals.ImportBatchNotFound;
        }

        var headers = reader.Read(batch.FileName, batch.Content, headersOnly: true).Headers;
        var fields = await FieldsAsync(batch.Kind, cancellationToken);
        if (batch.Status == ImportStatus.Committed)
        {
            return Committed(LocalizableText.Of("A committed batch cannot change; upload the file again."), View(batch, headers, fields));
        }

        var cleaned = mapping.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var errors = ImportFields.Validate(batch.Kind, fields, cleaned, headers);
        if (errors.Count > 0)
        {
            return Invalid("The column mapping is not valid", errors);
        }

        batch.Mapping = JsonSerializer.Serialize(cleaned, Json);
        batch.Status = ImportStatus.Uploaded;
        await db.SaveChangesAsync(cancellationToken);
        return View(batch, headers, fields);
    }

    /// <summary>Reads and checks every row and stores the report; writes no customer or purchase.</summary>
    public async Task<Result<ImportBatchView>> DryRunAsync(Guid id, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(id, LocalizableText.Of("It was imported already; its report is the commit's."), cancellationToken);
        if (open.IsRefused)
        {
            return open.Refusal;
        }

        var (batch, table, fields, mapping) = open.Value;
        var (findings, valid) = await AnalyzeAsync(batch.Kind, table, mapping, cancellationToken);
        Store(batch, findings.ToReport(table.Rows.Count, valid), ImportStatus.DryRun);
        await db.SaveChangesAsync(cancellationToken);
        return View(batch, table.Headers, fields);
    }

    /// <summary>
    /// Writes the batch in one transaction. Any row with an error aborts it with nothing written
    /// unless <see cref="CommitOptions.SkipErrorRows"/>; duplicates are left out unless
    /// <see cref="CommitOptions.ImportDuplicates"/> (purchases already recorded never are).
    /// </summary>
    public async Task<Result<ImportBatchView>> CommitAsync(Guid id, CommitOptions options, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(id, LocalizableText.Of("It was imported already; upload the file again to import it once more."), cancellationToken);
        if (open.IsRefused)
        {
            return open.Refusal;
        }

        var (batch, table, fields, mapping) = open.Value;
        if (batch.Kind == ImportKind.Purchases)
        {
            var analysis = await purchaseImporter.AnalyzeAsync(table, mapping, cancellationToken);
            var rows = analysis.Candidates.Where(c => !c.IsDuplicate).ToList();
            return await CommitRowsAsync(batch, table, fields, analysis.Findings, options, analysis.Candidates.Count,
                ct => purchaseImporter.WriteAsync(rows, ct), cancellationToken);
        }
        else
        {
            var analysis = await customerImporter.AnalyzeAsync(table, mapping, cancellationToken);
            var rows = analysis.Candidates.Where(c => options.ImportDuplicates || !c.IsDuplicate).ToList();
            return await CommitRowsAsync(batch, table, fields, analysis.Findings, options, analysis.Candidates.Count, async ct =>
            {
                var codes = await customerImporter.ReserveCodesAsync(rows.Count, ct);
                return await customerImporter.WriteAsync(rows, codes, ct);
            }, cancellationToken);
        }
    }

    private async Task<Result<ImportBatchView>> CommitRowsAsync(ImportBatch batch, TableContent table, IReadOnlyList<ImportField> fields, RowFindings findings, CommitOptions options,
        int validRows, Func<CancellationToken, Task<int>> write, CancellationToken cancellationToken)
    {
        if (findings.ErrorRows > 0 && !options.SkipErrorRows)
        {
            var message = LocalizableText.Of("{0} row(s) have errors; nothing was imported. Correct the file, or commit again leaving out the rows with errors.", findings.ErrorRows);
            Store(batch, findings.ToReport(table.Rows.Count, validRows, message: message.English()), ImportStatus.DryRun);
            await db.SaveChangesAsync(cancellationToken);
            return Refused("Rows have errors", message, View(batch, table.Headers, fields));
        }

        // Purchases are written through EF in chunks: change detection runs once per chunk (in SaveChanges), not on every Add.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var imported = await write(cancellationToken);
            var stored = await db.Set<ImportBatch>().FirstAsync(b => b.Id == batch.Id, cancellationToken);
            Store(stored, findings.ToReport(table.Rows.Count, validRows, imported, table.Rows.Count - imported), ImportStatus.Committed);
            stored.CommittedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            batch = stored;
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            var failed = await db.Set<ImportBatch>().FirstAsync(b => b.Id == batch.Id, cancellationToken);
            var message = LocalizableText.Of("The commit failed and nothing was imported: {0}", e.InnerException?.Message ?? e.Message);
            Store(failed, findings.ToReport(table.Rows.Count, validRows, message: message.English()), ImportStatus.Failed);
            await db.SaveChangesAsync(cancellationToken);
            return Refused("The commit failed", message, View(failed, table.Headers, fields));
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return View(batch, table.Headers, fields);
    }

    private async Task<(RowFindings Findings, int Valid)> AnalyzeAsync(ImportKind kind, TableContent table, ResolvedMapping mapping, CancellationToken cancellationToken)
    {
        if (kind == ImportKind.Purchases)
        {
            var purchases = await purchaseImporter.AnalyzeAsync(table, mapping, cancellationToken);
            return (purchases.Findings, purchases.Candidates.Count);
        }

        var customers = await customerImporter.AnalyzeAsync(table, mapping, cancellationToken);
        return (customers.Findings, customers.Candidates.Count);
    }

    /// <summary>
    /// The batch, its file read again and its mapping checked against it, for a dry run or a commit; refused when
    /// there is no such batch, the mapping does not fit the file, or the batch is committed (<paramref name="whenCommitted"/> says why).
    /// </summary>
    private async Task<Result<OpenBatch>> OpenAsync(Guid id, LocalizableText whenCommitted, CancellationToken cancellationToken)
    {
        var batch = await db.Set<ImportBatch>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return MembersRefusals.ImportBatchNotFound;
        }

        var table = reader.Read(batch.FileName, batch.Content);
        var fields = await FieldsAsync(batch.Kind, cancellationToken);
        var mapping = MappingOf(batch);
        if (ImportFields.Validate(batch.Kind, fields, mapping, table.Headers) is { Count: > 0 } errors)
        {
            return Invalid("The column mapping is not valid; set it first", errors);
        }

        return batch.Status == ImportStatus.Committed
            ? Committed(whenCommitted, View(batch, table.Headers, fields))
            : new OpenBatch(batch, table, fields, ResolvedMapping.Resolve(mapping, table.Headers));
    }

    /// <summary>The file or the mapping is wrong; nothing changed.</summary>
    private static Refusal Invalid(string title, IReadOnlyList<FieldRefusal> errors) =>
        Refusal.Invalid("members/invalid-import", errors).Titled(title) with { Text = LocalizableText.Of("See errors.") };

    /// <summary>The batch is not in a state for this step (committed already, or rows have errors and are not skipped); nothing was written.</summary>
    private static Refusal Refused(string title, LocalizableText why, ImportBatchView batch) =>
        new Refusal(RefusalKind.Conflict, "members/import-refused", why).Titled(title).With(BatchExtension, batch);

    private static Refusal Committed(LocalizableText why, ImportBatchView batch) => Refused("The batch is committed", why, batch);

    private async Task<IReadOnlyList<ImportField>> FieldsAsync(ImportKind kind, CancellationToken cancellationToken) =>
        ImportFields.For(kind, kind == ImportKind.Customers ? await db.Set<CustomFieldDefinition>().AsNoTracking().OrderBy(f => f.Order).ToListAsync(cancellationToken) : []);

    private static void Store(ImportBatch batch, ImportReport report, ImportStatus status)
    {
        batch.Status = status;
        batch.TotalRows = report.TotalRows;
        batch.ErrorRows = report.ErrorRows;
        batch.DuplicateRows = report.DuplicateRows;
        batch.ImportedRows = report.ImportedRows;
        batch.Report = JsonSerializer.Serialize(report, Json);
    }

    private static Dictionary<string, string> MappingOf(ImportBatch batch) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(batch.Mapping, Json) ?? [];

    private static ImportReport ReportOf(ImportBatch batch) =>
        batch.Report.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize<ImportReport>(batch.Report, Json) ?? new ImportReport() : new ImportReport();

    private static ImportBatchView View(ImportBatch batch, IReadOnlyList<string> headers, IReadOnlyList<ImportField> fields) => new(
        batch.Id, batch.Kind, batch.FileName, batch.Status, headers, fields, MappingOf(batch), batch.TotalRows, batch.ErrorRows, batch.DuplicateRows,
        batch.ImportedRows, batch.CreatedBy, batch.CreatedAt, batch.CommittedAt, ReportOf(batch));
}
