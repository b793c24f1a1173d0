using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace RetailCrm.Kernel.Data.Conventions;

/// <summary>
/// The first migration of every module context: its schema (PostgreSQL), outbox and audit tables, made from the
/// model that <see cref="InfrastructureModel"/> declares, so the tables are declared once for the model and the
/// migrations. Modules' own migrations no longer create them.
/// </summary>
[Migration(Id)]
internal sealed class InfrastructureMigration(IReadOnlyList<MigrationOperation> operations) : Migration
{
    public const string Id = "00000000000000_CrmInfrastructure";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Operations.AddRange(operations);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in operations.OfType<CreateTableOperation>().Reverse())
        {
            migrationBuilder.DropTable(table.Name, table.Schema);
        }
    }
}

// EF Core's migrations assembly is an internal type; extending it keeps its discovery of the module's own migrations.
#pragma warning disable EF1001

/// <summary>The module's migrations with <see cref="InfrastructureMigration"/> first.</summary>
internal sealed class CrmMigrationsAssembly : Microsoft.EntityFrameworkCore.Migrations.Internal.MigrationsAssembly
{
    private readonly DbContext _context;
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;

    public CrmMigrationsAssembly(ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator, IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
        : base(currentContext, options, idGenerator, logger)
    {
        _context = currentContext.Context;
    }

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        _migrations ??= new SortedDictionary<string, TypeInfo>(base.Migrations.ToDictionary(), StringComparer.Ordinal)
        {
            [InfrastructureMigration.Id] = typeof(InfrastructureMigration).GetTypeInfo(),
        };

    public override Migration CreateMigration(TypeInfo migrationClass, string activeProvider) =>
        migrationClass.AsType() == typeof(InfrastructureMigration)
            ? new InfrastructureMigration(InfrastructureOperations(_context)) { ActiveProvider = activeProvider }
            : base.CreateMigration(migrationClass, activeProvider);

    /// <summary>What creating the whole model would do, kept to the schema and the outbox and audit tables.</summary>
    private static List<MigrationOperation> InfrastructureOperations(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var tables = model.GetEntityTypes()
            .Where(e => InfrastructureModel.IsInfrastructure(e.ClrType))
            .Select(e => (e.GetTableName(), e.GetSchema()))
            .ToHashSet();
        return context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel())
            .Where(op => op switch
            {
                EnsureSchemaOperation => true,
                CreateTableOperation table => tables.Contains((table.Name, table.Schema)),
                CreateIndexOperation index => tables.Contains((index.Table, index.Schema)),
                _ => false,
            })
            .ToList();
    }
}
#pragma warning restore EF1001
