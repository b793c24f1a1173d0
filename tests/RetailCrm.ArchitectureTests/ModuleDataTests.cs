using System.Reflection;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;
using RetailCrm.Kernel.Data;

namespace RetailCrm.ArchitectureTests;

/// <summary>
/// Every table of a module lives under that module's prefix (SQLite) or schema (PostgreSQL). The rule is
/// checked on the model the module's DbContext really builds, not on its source.
/// </summary>
public sealed class ModuleDataTests
{
    [Theory]
    [MemberData(nameof(ModuleTable.Ids), MemberType = typeof(ModuleTable))]
    public void Should_derive_every_dbcontext_from_CrmDbContext(string id)
    {
        var module = ModuleTable.Get(id);
        var plain = DbContextTypes(module).Where(t => !typeof(CrmDbContext).IsAssignableFrom(t)).Select(t => t.FullName).ToList();

        plain.ShouldBeEmpty($"{module} has DbContexts that do not derive from {nameof(CrmDbContext)} ({string.Join(", ", plain)}): their tables would get no prefix, tenant filter or audit.");
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Ids), MemberType = typeof(ModuleTable))]
    public void Should_put_every_table_under_the_modules_prefix(string id)
    {
        var module = ModuleTable.Get(id);
        var naming = new ModuleNaming(module.Id, UsesSchemas: false);
        foreach (var type in DbContextTypes(module).Where(typeof(CrmDbContext).IsAssignableFrom))
        {
            var outside = Tables(type, naming).Where(t => t.Schema is not null || !t.Name.StartsWith(naming.Prefix, StringComparison.Ordinal)).ToList();
            outside.ShouldBeEmpty($"{type.Name} of {module} maps tables outside the prefix '{naming.Prefix}': {string.Join(", ", outside.Select(t => $"{t.Entity} -> {t.Schema}.{t.Name}"))}.");
        }
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Ids), MemberType = typeof(ModuleTable))]
    public void Should_put_every_table_in_the_modules_schema(string id)
    {
        var module = ModuleTable.Get(id);
        var naming = new ModuleNaming(module.Id, UsesSchemas: true);
        foreach (var type in DbContextTypes(module).Where(typeof(CrmDbContext).IsAssignableFrom))
        {
            var outside = Tables(type, naming).Where(t => t.Schema != naming.Schema).ToList();
            outside.ShouldBeEmpty($"{type.Name} of {module} maps tables outside the schema '{naming.Schema}': {string.Join(", ", outside.Select(t => $"{t.Entity} -> {t.Schema}.{t.Name}"))}.");
        }
    }

    private static List<Type> DbContextTypes(ModuleProject module)
    {
        Type[] types;
        try
        {
            types = Repository.Load(module.AssemblyPath).GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new InvalidOperationException($"{module}: types could not be loaded: {string.Join("; ", e.LoaderExceptions.Select(x => x?.Message).Distinct())}", e);
        }

        return types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(DbContext).IsAssignableFrom(t)).ToList();
    }

    /// <summary>Builds the context's model as the kernel would for that naming and lists where each entity is stored.</summary>
    private static List<(string Entity, string? Schema, string Name)> Tables(Type contextType, ModuleNaming naming)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        var database = naming.UsesSchemas
            ? new DatabaseOptions("Host=localhost;Database=architecture", usesPostgres: true, Path.GetTempPath())
            : new DatabaseOptions("Data Source=:memory:", usesPostgres: false, Path.GetTempPath());
        database.Configure(options, naming.ModuleId, contextType.Assembly);
        var constructor = contextType.GetConstructors().SingleOrDefault()
            ?? throw new InvalidOperationException($"{contextType.Name} needs exactly one public constructor to be checked.");
        var arguments = constructor.GetParameters().Select(p => typeof(DbContextOptions).IsAssignableFrom(p.ParameterType)
            ? options.Options
            : throw new InvalidOperationException($"{contextType.Name}'s constructor takes a {p.ParameterType.Name}; a module DbContext takes only its options (the kernel adds the rest).")).ToArray();

        using var context = (DbContext)constructor.Invoke(arguments);
        var tables = context.Model.GetEntityTypes()
            .Select(e => (Entity: e.DisplayName(), Schema: e.GetSchema() ?? e.GetViewSchema(), Name: e.GetTableName() ?? e.GetViewName() ?? ""))
            .ToList();
        tables.ShouldNotBeEmpty($"{contextType.Name} has no entity types.");
        return tables;
    }
}
