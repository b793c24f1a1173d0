namespace RetailCrm.Sdk.Data;

/// <summary>
/// Where a module's tables live: a table prefix on SQLite (<c>members_customers</c>) or a schema
/// on PostgreSQL (<c>members.customers</c>). One rule, used by the model and the migrations alike.
/// </summary>
public sealed record ModuleNaming(string ModuleId, bool UsesSchemas)
{
    public string Schema => Sanitize(ModuleId);

    public string Prefix => Sanitize(ModuleId) + "_";

    public string? SchemaOrNull => UsesSchemas ? Schema : null;

    public string Table(string name) => UsesSchemas ? name : Prefix + name;

    public string MigrationsHistoryTable => UsesSchemas ? "__migrations" : Prefix + "_migrations";

    public static bool IsPostgres(string? providerName) =>
        providerName?.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) == true;

    private static string Sanitize(string id) => id.Replace('-', '_').Replace('.', '_').ToLowerInvariant();
}
