namespace RetailCrm.Sdk.Data;

/// <summary>
/// Where a module's tables live: a table prefix on SQLite (<c>members_customers</c>) or a schema
/// on PostgreSQL (<c>members.customers</c>). One rule, used by the model and the migrations alike.
/// </summary>
public sealed record ModuleNaming(string ModuleId, bool UsesSchemas)
{
    /// <summary>The module's schema on PostgreSQL: the id with <c>-</c> and <c>.</c> as <c>_</c>.</summary>
    public string Schema => Sanitize(ModuleId);

    /// <summary>The prefix of the module's tables on SQLite, e.g. <c>members_</c>.</summary>
    public string Prefix => Sanitize(ModuleId) + "_";

    /// <summary>The schema when the provider has schemas, else null.</summary>
    public string? SchemaOrNull => UsesSchemas ? Schema : null;

    /// <summary>A table's stored name: bare in the schema on PostgreSQL, prefixed on SQLite.</summary>
    public string Table(string name) => UsesSchemas ? name : Prefix + name;

    /// <summary>The module's own migrations history table.</summary>
    public string MigrationsHistoryTable => UsesSchemas ? "__migrations" : Prefix + "_migrations";

    /// <summary>Whether an EF Core provider name is PostgreSQL's (Npgsql).</summary>
    public static bool IsPostgres(string? providerName) =>
        providerName?.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) == true;

    private static string Sanitize(string id) => id.Replace('-', '_').Replace('.', '_').ToLowerInvariant();
}
