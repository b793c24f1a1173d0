using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Host.Tests;

/// <summary>Which modules a host under test loads.</summary>
public enum ModuleSet
{
    /// <summary>The first-party modules (members, cards).</summary>
    Installed,

    /// <summary>The sample modules (alpha, beta).</summary>
    Samples,
}

/// <summary>
/// Migrations are written by hand once for both providers, with no model snapshot, so nothing else checks that
/// they make what the models expect: this migrates a fresh database and compares it with every DbContext's model.
/// </summary>
public sealed class MigrationSchemaTests
{
    public static TheoryData<TestDatabase, ModuleSet> Hosts => new()
    {
        { TestDatabase.Sqlite, ModuleSet.Installed },
        { TestDatabase.Sqlite, ModuleSet.Samples },
        { TestDatabase.Postgres, ModuleSet.Installed },
        { TestDatabase.Postgres, ModuleSet.Samples },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Should_migrate_a_fresh_database_to_the_schema_of_every_model(TestDatabase database, ModuleSet modules)
    {
        var modulesPath = modules == ModuleSet.Installed ? CrmHostFactory.InstalledModulesPath : CrmHostFactory.SamplesModulesPath;
        using var factory = new CrmHostFactory(database, modulesPath, CrmHostFactory.NoPlugins);
        var services = factory.Services; // starting the host applies every module's migrations
        var registry = services.GetRequiredService<DbContextRegistry>();
        var options = services.GetRequiredService<DatabaseOptions>();
        registry.Contexts.Select(c => c.ModuleId).ShouldBe(modules == ModuleSet.Installed ? ["crm", "members", "analysis", "cards", "sales", "service"] : ["crm", "alpha", "beta"]);
        using var scope = services.CreateScope();
        var contexts = registry.Contexts.Select(c => (c.ModuleId, Context: (DbContext)c.Resolve(scope.ServiceProvider))).ToList();

        var schema = SchemaComparison.ReadDatabase(contexts[0].Context);
        var differences = new SchemaComparison(sqlite: !options.UsesPostgres)
        {
            VirtualTables = options.UsesPostgres ? [] : SchemaComparison.ReadVirtualTables(contexts[0].Context),
        }.Compare(
            contexts.Select(c => (c.ModuleId, c.Context.GetService<IDesignTimeModel>().Model.GetRelationalModel())),
            registry.Contexts.Select(c => options.NamingFor(c.ModuleId)).Select(n => (n.SchemaOrNull, n.MigrationsHistoryTable)),
            schema);

        differences.ShouldBeEmpty(
            $"On {database} with the {modules.ToString().ToLowerInvariant()} modules the migrations do not make what the models expect. "
            + "Add a migration in the module that owns each table (never change one that has shipped):"
            + Environment.NewLine + string.Join(Environment.NewLine, differences.Select(d => "  - " + d)));
    }
}
