using Microsoft.EntityFrameworkCore.Infrastructure;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Analysis.Infrastructure.Persistence;

/// <summary>
/// Writes a recompute's results (hundreds of thousands of rows of tables that are neither audited nor tell events)
/// with INSERTs of many rows each, inside the context's open transaction: one round trip per few hundred rows instead
/// of one per row, which is what writing a million scores back to PostgreSQL costs. Tables, columns and value
/// conversions come from the EF model, so rows are stored as SaveChanges would store them; the tenant is stamped here.
/// </summary>
internal sealed class ResultInserts(AnalysisDbContext db, ICurrentTenant tenant)
{
    /// <summary>Parameters of one statement stay under SQLite's and PostgreSQL's limits.</summary>
    private const int MaxParameters = 30_000;

    public async Task<int> InsertAsync<T>(IEnumerable<T> rows, Action<T, Guid> stamp, CancellationToken cancellationToken) where T : class
    {
        var tenantId = tenant.Id ?? throw new InvalidOperationException("Results are written inside a tenant.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the analysis.");
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.GetColumnName(store) is not null).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(store.Name, store.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters / properties.Length);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Results are written inside a transaction.");
        var written = 0;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var r = 0; r < chunk.Length; r++)
            {
                stamp(chunk[r], tenantId);
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    var name = "p" + (r * properties.Length + c).ToString(CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    var property = properties[c];
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, property.GetGetter().GetClrValue(chunk[r]), property.IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }
}
