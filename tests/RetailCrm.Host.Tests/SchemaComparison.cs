using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace RetailCrm.Host.Tests;

/// <summary>
/// Compares a database, read back as <c>dotnet ef dbcontext scaffold</c> reads it, with the relational models of
/// the DbContexts migrated into it, and says one line per difference: which table, column, key, index or foreign key
/// and how it differs. Store types are compared as the database can tell them apart: by affinity on SQLite (which
/// keeps no length), exactly on PostgreSQL (length and precision included).
/// </summary>
internal sealed partial class SchemaComparison(bool sqlite)
{
    private readonly List<string> _differences = [];

    /// <summary>Reads the tables, columns, keys, indexes and foreign keys of the database the context is connected to.</summary>
    public static DatabaseModel ReadDatabase(DbContext context)
    {
        // Found as the EF tools find them: the provider's assembly (named by ProviderName) names its design-time services.
        var provider = Assembly.Load(new AssemblyName(context.Database.ProviderName!));
        var typeName = provider.GetCustomAttribute<DesignTimeProviderServicesAttribute>()?.TypeName
            ?? throw new InvalidOperationException($"{provider.GetName().Name} has no design-time services.");
        var designTime = (IDesignTimeServices)Activator.CreateInstance(provider.GetType(typeName, throwOnError: true)!)!;
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        designTime.ConfigureDesignTimeServices(services);
        using var serviceProvider = services.BuildServiceProvider();
        var database = serviceProvider.GetRequiredService<IDatabaseModelFactory>()
            .Create(context.Database.GetConnectionString()!, new DatabaseModelFactoryOptions());
        if (context.Database.IsSqlite())
        {
            ReadSqliteFilters(context, database);
        }

        return database;
    }

    /// <summary>The SQLite reader leaves out the filters of partial indexes; they are the WHERE of the index's CREATE statement.</summary>
    private static void ReadSqliteFilters(DbContext context, DatabaseModel database)
    {
        var statements = context.Database
            .SqlQueryRaw<SqliteIndex>("SELECT name AS \"Name\", sql AS \"Sql\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            .ToDictionary(i => i.Name, i => i.Sql);
        foreach (var index in database.Tables.SelectMany(t => t.Indexes))
        {
            if (index.Name is not null && statements.TryGetValue(index.Name, out var sql) && IndexWhere().Match(sql) is { Success: true } where)
            {
                index.Filter = where.Groups[1].Value.Trim();
            }
        }
    }

    private sealed record SqliteIndex(string Name, string Sql);

    /// <summary>SQLite's virtual tables (full-text indexes), read with <see cref="ReadVirtualTables"/>; no model has them.</summary>
    public IReadOnlyList<string> VirtualTables { get; init; } = [];

    /// <summary>The names of SQLite's virtual tables in the database the context is connected to.</summary>
    public static IReadOnlyList<string> ReadVirtualTables(DbContext context) =>
        context.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").ToList();

    /// <param name="models">Each module's relational model.</param>
    /// <param name="historyTables">The migrations history tables, which no model has.</param>
    /// <param name="database">The migrated database.</param>
    public IReadOnlyList<string> Compare(
        IEnumerable<(string ModuleId, IRelationalModel Model)> models,
        IEnumerable<(string? Schema, string Name)> historyTables,
        DatabaseModel database)
    {
        _differences.Clear();
        var tables = database.Tables.ToDictionary(t => Name(t.Schema, t.Name));
        var known = historyTables.Select(t => Name(t.Schema, t.Name)).ToHashSet();
        if (sqlite)
        {
            known.Add("__EFMigrationsLock"); // SQLite's migrations lock, shared by every module's migrations
            // Full-text indexes (FTS5 virtual tables and the shadow tables SQLite keeps for them) are search indexes a
            // migration makes beside the model, e.g. the knowledge base's.
            foreach (var virtualTable in VirtualTables)
            {
                known.UnionWith(new[] { "", "_data", "_idx", "_content", "_docsize", "_config" }.Select(suffix => virtualTable + suffix));
            }
        }

        foreach (var (moduleId, model) in models)
        {
            foreach (var table in model.Tables.Where(t => !t.IsExcludedFromMigrations))
            {
                var name = Name(table.Schema, table.Name);
                known.Add(name);
                if (tables.TryGetValue(name, out var actual))
                {
                    CompareTable($"{moduleId}: table {name}", table, actual);
                }
                else
                {
                    _differences.Add($"{moduleId}: table {name} is in the model but not in the database (columns {string.Join(", ", table.Columns.Select(c => $"{c.Name} {Describe(c)}"))})");
                }
            }
        }

        foreach (var extra in tables.Keys.Where(t => !known.Contains(t)).Order(StringComparer.Ordinal))
        {
            _differences.Add($"table {extra} is in the database but in no model");
        }

        return [.. _differences];
    }

    private void CompareTable(string where, ITable table, DatabaseTable actual)
    {
        foreach (var column in table.Columns)
        {
            var found = actual.Columns.FirstOrDefault(c => c.Name == column.Name);
            if (found is null)
            {
                _differences.Add($"{where}: column {column.Name} ({Describe(column)}) is in the model but not in the database");
                continue;
            }

            if (StoreType(column.StoreType) != StoreType(found.StoreType))
            {
                _differences.Add($"{where}: column {column.Name} is {column.StoreType} in the model but {found.StoreType} in the database"
                    + (sqlite ? " (compared by SQLite affinity)" : ""));
            }

            if (column.IsNullable != found.IsNullable)
            {
                _differences.Add($"{where}: column {column.Name} is {Nullability(column.IsNullable)} in the model but {Nullability(found.IsNullable)} in the database");
            }
        }

        foreach (var extra in actual.Columns.Where(c => table.FindColumn(c.Name) is null))
        {
            _differences.Add($"{where}: column {extra.Name} ({extra.StoreType} {Nullability(extra.IsNullable)}) is in the database but not in the model");
        }

        var key = Columns(table.PrimaryKey?.Columns.Select(c => c.Name));
        var actualKey = Columns(actual.PrimaryKey?.Columns.Select(c => c.Name));
        if (key != actualKey)
        {
            _differences.Add($"{where}: the primary key is {key} in the model but {actualKey} in the database");
        }

        CompareUniqueConstraints(where, table, actual);
        CompareIndexes(where, table, actual);
        CompareForeignKeys(where, table, actual);
    }

    private void CompareUniqueConstraints(string where, ITable table, DatabaseTable actual)
    {
        var expected = table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()).Select(u => Columns(u.Columns.Select(c => c.Name))).ToList();
        var found = actual.UniqueConstraints.Select(u => Columns(u.Columns.Select(c => c.Name))).ToList();
        foreach (var missing in expected.Except(found))
        {
            _differences.Add($"{where}: the unique constraint on {missing} is in the model but not in the database");
        }

        foreach (var extra in found.Except(expected))
        {
            _differences.Add($"{where}: the unique constraint on {extra} is in the database but not in the model");
        }
    }

    private void CompareIndexes(string where, ITable table, DatabaseTable actual)
    {
        // Matched by name, else by columns: a hand-written migration may name an index its own way.
        var unmatched = actual.Indexes.ToList();
        foreach (var index in table.Indexes)
        {
            var columns = Columns(index.Columns.Select(c => c.Name));
            var found = unmatched.FirstOrDefault(i => i.Name == index.Name)
                ?? unmatched.FirstOrDefault(i => Columns(i.Columns.Select(c => c.Name)) == columns);
            if (found is null)
            {
                _differences.Add($"{where}: index {index.Name} on {columns}{(index.IsUnique ? " (unique)" : "")}{FilterText(index.Filter)} is in the model but not in the database");
                continue;
            }

            unmatched.Remove(found);
            var what = $"{where}: index {index.Name}";
            var foundColumns = Columns(found.Columns.Select(c => c.Name));
            if (foundColumns != columns)
            {
                _differences.Add($"{what} is on {columns} in the model but on {foundColumns} in the database");
            }

            if (index.IsUnique != found.IsUnique)
            {
                _differences.Add($"{what} is {(index.IsUnique ? "unique" : "not unique")} in the model but {(found.IsUnique ? "unique" : "not unique")} in the database");
            }

            if (Filter(index.Filter) != Filter(found.Filter))
            {
                _differences.Add($"{what} has filter {index.Filter ?? "(none)"} in the model but {found.Filter ?? "(none)"} in the database");
            }
        }

        foreach (var extra in unmatched)
        {
            _differences.Add($"{where}: index {extra.Name} on {Columns(extra.Columns.Select(c => c.Name))}{(extra.IsUnique ? " (unique)" : "")}{FilterText(extra.Filter)} is in the database but not in the model");
        }
    }

    private void CompareForeignKeys(string where, ITable table, DatabaseTable actual)
    {
        var unmatched = actual.ForeignKeys.ToList();
        foreach (var foreignKey in table.ForeignKeyConstraints)
        {
            var target = Name(foreignKey.PrincipalTable.Schema, foreignKey.PrincipalTable.Name);
            var columns = Columns(foreignKey.Columns.Select(c => c.Name));
            var found = unmatched.FirstOrDefault(f => Columns(f.Columns.Select(c => c.Name)) == columns && Name(f.PrincipalTable.Schema, f.PrincipalTable.Name) == target);
            var what = $"{where}: foreign key {foreignKey.Name} {columns} -> {target}";
            if (found is null)
            {
                _differences.Add($"{what} (on delete {foreignKey.OnDeleteAction}) is in the model but not in the database");
                continue;
            }

            unmatched.Remove(found);
            var principalColumns = Columns(foreignKey.PrincipalColumns.Select(c => c.Name));
            var foundPrincipalColumns = Columns(found.PrincipalColumns.Select(c => c.Name));
            if (principalColumns != foundPrincipalColumns)
            {
                _differences.Add($"{what} references {principalColumns} in the model but {foundPrincipalColumns} in the database");
            }

            var onDelete = found.OnDelete ?? ReferentialAction.NoAction;
            if (foreignKey.OnDeleteAction != onDelete)
            {
                _differences.Add($"{what} is on delete {foreignKey.OnDeleteAction} in the model but on delete {onDelete} in the database");
            }
        }

        foreach (var extra in unmatched)
        {
            _differences.Add($"{where}: foreign key {extra.Name} {Columns(extra.Columns.Select(c => c.Name))} -> {Name(extra.PrincipalTable.Schema, extra.PrincipalTable.Name)} is in the database but not in the model");
        }
    }

    /// <summary>SQLite has no schemas here; tables of PostgreSQL without one are in <c>public</c>.</summary>
    private string Name(string? schema, string table) => sqlite ? table : $"{schema ?? "public"}.{table}";

    private static string Describe(IColumn column) => $"{column.StoreType} {Nullability(column.IsNullable)}";

    private static string Nullability(bool nullable) => nullable ? "NULL" : "NOT NULL";

    private static string Columns(IEnumerable<string>? names) => names is null ? "(none)" : $"({string.Join(", ", names)})";

    private static string FilterText(string? filter) => filter is null ? "" : $" where {filter}";

    /// <summary>SQLite keeps a column's declared type but compares by affinity; PostgreSQL has aliases (varchar, int4, timestamptz).</summary>
    private string StoreType(string? type)
    {
        var text = WhiteSpace().Replace((type ?? "").Trim().ToLowerInvariant(), " ");
        if (sqlite)
        {
            return text.Contains("int", StringComparison.Ordinal) ? "INTEGER"
                : text.Contains("char", StringComparison.Ordinal) || text.Contains("clob", StringComparison.Ordinal) || text.Contains("text", StringComparison.Ordinal) ? "TEXT"
                : text.Length == 0 || text.Contains("blob", StringComparison.Ordinal) ? "BLOB"
                : text.Contains("real", StringComparison.Ordinal) || text.Contains("floa", StringComparison.Ordinal) || text.Contains("doub", StringComparison.Ordinal) ? "REAL"
                : "NUMERIC";
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        var name = (open < 0 ? text : text[..open]).Trim();
        var facets = open < 0 ? "" : text[open..].Replace(" ", "", StringComparison.Ordinal);
        name = name switch
        {
            "varchar" => "character varying",
            "char" or "bpchar" => "character",
            "int" or "int4" => "integer",
            "int8" => "bigint",
            "int2" => "smallint",
            "bool" => "boolean",
            "float8" => "double precision",
            "float4" => "real",
            "decimal" => "numeric",
            "timestamptz" => "timestamp with time zone",
            "timestamp" => "timestamp without time zone",
            _ => name,
        };
        return name + facets;
    }

    /// <summary>
    /// Filters compared loosely: PostgreSQL gives back <c>"Kind" IN (1, 2)</c> as <c>("Kind" = ANY (ARRAY[1, 2]))</c>,
    /// with parentheses and casts of its own, so those, quotes, spaces and case do not count.
    /// </summary>
    private static string? Filter(string? filter) =>
        filter is null ? null
            : Noise().Replace(Casts().Replace(AnyArray().Replace(filter.ToLowerInvariant(), " in ($1)"), ""), "");

    [GeneratedRegex(@"\)\s+WHERE\s+(.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex IndexWhere();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"=\s*any\s*\(\s*array\s*\[([^\]]*)\]\s*\)")]
    private static partial Regex AnyArray();

    [GeneratedRegex(@"::\w+(\s+(varying|precision|with time zone|without time zone))?")]
    private static partial Regex Casts();

    [GeneratedRegex(@"[\s""()\[\]`]")]
    private static partial Regex Noise();
}
