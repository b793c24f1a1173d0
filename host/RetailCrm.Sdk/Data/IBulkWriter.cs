namespace RetailCrm.Sdk.Data;

/// <summary>
/// Writes many rows into a module's context at once (imports, cut-overs), as SaveChanges would store them but
/// without the change tracker: each row is stamped with the current tenant and recorded in the module's audit log
/// (unless its entity is <see cref="NotAuditedAttribute"/>), and published events go to the module's outbox, all
/// inside the context's current transaction. Implemented by the kernel, fast on SQLite and PostgreSQL.
/// </summary>
public interface IBulkWriter
{
    /// <summary>Starts a bulk write into <paramref name="context"/>; a transaction must be open on it.</summary>
    IBulkWrite Open(CrmDbContext context);
}

/// <summary>One bulk write; dispose it when done (the transaction stays the caller's to commit).</summary>
public interface IBulkWrite : IAsyncDisposable
{
    /// <summary>Inserts one row of an entity of the context, with its audit entry.</summary>
    Task InsertAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default) where TEntity : class;

    /// <summary>
    /// Inserts many rows of one entity as fast as the database takes them: binary COPY on PostgreSQL, the prepared
    /// insert on SQLite. Meant for derived tables (results, facts, aggregates) of hundreds of thousands of rows; rows
    /// of an audited entity still get their audit entries, one by one. Returns the number of rows written.
    /// </summary>
    Task<long> CopyAsync<TEntity>(IEnumerable<TEntity> entities, CancellationToken cancellationToken = default) where TEntity : class;

    /// <summary>Writes an integration event to the context's outbox, as <c>IEventBus.Publish</c> and SaveChanges would.</summary>
    Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default) where TEvent : class;
}
