using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using RetailCrm.Kernel.Events;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Data.Conventions;

/// <summary>The kernel's <see cref="IBulkWriter"/>.</summary>
internal sealed class BulkWriter(ICurrentTenant tenant, AuditRecorder audit) : IBulkWriter
{
    public IBulkWrite Open(CrmDbContext context) => new Write(context, tenant, audit);

    /// <summary>
    /// One prepared INSERT per table inside the context's current transaction, bypassing the change tracker:
    /// SaveChanges costs about a millisecond per imported customer (change detection, command batching and ordering,
    /// SQL generation), the raw insert a few microseconds. Tables, columns and value conversions come from the EF
    /// model and its type mappings, so rows are stored exactly as SaveChanges would store them, on SQLite and PostgreSQL;
    /// the tenant stamp, audit entry and outbox message are the ones SaveChanges writes.
    /// </summary>
    private sealed class Write(CrmDbContext db, ICurrentTenant tenant, AuditRecorder audit) : IBulkWrite
    {
        private readonly Dictionary<Type, (DbCommand Command, IProperty[] Properties)> _commands = [];

        public async Task InsertAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default) where TEntity : class
        {
            var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {db.GetType().Name}.");
            CrmSaveChangesInterceptor.GuardTenant(entity, typeof(TEntity), added: true, null, tenant.Id);
            await RawInsertAsync(entityType, entity, cancellationToken);
            if (AuditRecorder.IsAudited(entityType))
            {
                await RawInsertAsync(EntityType<AuditEntry>(), audit.Created(entityType, entity, DateTime.UtcNow), cancellationToken);
            }
        }

        public async Task<long> CopyAsync<TEntity>(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default) where TEntity : class
        {
            var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {db.GetType().Name}.");
            if (AuditRecorder.IsAudited(entityType) || db.Database.GetDbConnection() is not NpgsqlConnection connection)
            {
                long inserted = 0;
                foreach (var entity in entities)
                {
                    await InsertAsync(entity, cancellationToken);
                    inserted++;
                }

                return inserted;
            }

            return await PostgresCopy.WriteAsync(connection, entityType, entities, entity => CrmSaveChangesInterceptor.GuardTenant(entity, typeof(TEntity), added: true, null, tenant.Id), db.GetService<ISqlGenerationHelper>(), cancellationToken);
        }

        public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default) where TEvent : class
        {
            var (name, payload) = EventBus.Serialize(integrationEvent);
            return RawInsertAsync(EntityType<OutboxMessage>(), CrmSaveChangesInterceptor.Outbox(tenant.Id, name, payload, DateTime.UtcNow), cancellationToken);
        }

        private IEntityType EntityType<T>() => db.Model.FindEntityType(typeof(T))!;

        private async Task RawInsertAsync(IEntityType entityType, object entity, CancellationToken cancellationToken)
        {
            var (command, properties) = CommandFor(entityType);
            command.Parameters.Clear();
            for (var i = 0; i < properties.Length; i++)
            {
                var property = properties[i];
                var mapping = property.GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, "p" + i.ToString(CultureInfo.InvariantCulture), property.GetGetter().GetClrValue(entity), property.IsNullable));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private (DbCommand Command, IProperty[] Properties) CommandFor(IEntityType entityType)
        {
            if (_commands.TryGetValue(entityType.ClrType, out var existing))
            {
                return existing;
            }

            var table = entityType.GetTableName()!;
            var schema = entityType.GetSchema();
            var store = StoreObjectIdentifier.Table(table, schema);
            var sql = db.GetService<ISqlGenerationHelper>();
            var properties = entityType.GetProperties().Where(p => p.GetColumnName(store) is not null).ToArray();
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Bulk writes run inside a transaction.");
            command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(table, schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)))}) " +
                $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterNamePlaceholder("p" + i.ToString(CultureInfo.InvariantCulture))))})";
            _commands[entityType.ClrType] = (command, properties);
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
}
