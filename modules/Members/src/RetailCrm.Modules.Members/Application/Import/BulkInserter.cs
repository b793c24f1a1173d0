using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RetailCrm.Modules.Members.Application.Import;

/// <summary>
/// Inserts entities with one prepared INSERT per table inside the context's current transaction,
/// bypassing the change tracker: SaveChanges costs about a millisecond per imported customer
/// (change detection, command batching and ordering, SQL generation), the raw insert a few
/// microseconds. Tables, columns and value conversions come from the EF model and its type
/// mappings, so rows are stored exactly as SaveChanges would store them, on SQLite and PostgreSQL.
/// What SaveChanges adds on top (tenant stamp, audit entry, outbox message) the caller writes itself.
/// </summary>
internal sealed class BulkInserter(DbContext db) : IAsyncDisposable
{
    private readonly Dictionary<Type, (DbCommand Command, IProperty[] Properties)> _commands = [];

    public async Task InsertAsync<T>(T entity, CancellationToken cancellationToken) where T : class
    {
        var (command, properties) = CommandFor(typeof(T));
        command.Parameters.Clear();
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var mapping = property.GetRelationalTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), property.GetGetter().GetClrValue(entity), property.IsNullable));
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private (DbCommand Command, IProperty[] Properties) CommandFor(Type type)
    {
        if (_commands.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of {db.GetType().Name}.");
        var table = entityType.GetTableName()!;
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties().Where(p => p.GetColumnName(store) is not null).ToArray();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table, schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterNamePlaceholder("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))})";
        _commands[type] = (command, properties);
        return (command, properties);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
