using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Kernel.Data.Conventions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data;

/// <summary>
/// Which database this deployment uses. SQLite (a file under the data folder) unless the
/// connection string <c>RetailCrm</c> points at PostgreSQL (<c>Host=...</c>) or
/// <c>RetailCrm:Database:Provider</c> says <c>postgres</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseOptions(string connectionString, bool usesPostgres, string dataFolder)
    {
        ConnectionString = connectionString;
        UsesPostgres = usesPostgres;
        _dataConnectionString = usesPostgres ? WithoutResetOnClose(connectionString) : connectionString;
        DataFolder = dataFolder;
        KeysPath = Path.Combine(dataFolder, "keys");
    }

    /// <summary>The data folder: the SQLite file, the keys, the first-run passwords.</summary>
    public string DataFolder { get; }

    /// <summary>Where the data-protection keys (cookie encryption) are kept.</summary>
    public string KeysPath { get; }

    public string ConnectionString { get; }

    public bool UsesPostgres { get; }

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("RetailCrm");
        var provider = configuration["RetailCrm:Database:Provider"];
        var dataFolder = Path.GetFullPath(configuration["RetailCrm:DataPath"] ?? Path.Combine(contentRoot, "data"));
        Directory.CreateDirectory(dataFolder);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new DatabaseOptions($"Data Source={Path.Combine(dataFolder, "retailcrm.db")};Default Timeout=30", false, dataFolder);
        }

        var postgres = provider is not null
            ? provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
            : connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        return new DatabaseOptions(connectionString, postgres, dataFolder);
    }

    private readonly string _dataConnectionString;

    /// <summary>
    /// The DbContexts' pooled connections skip <c>DISCARD ALL</c> when handed back: no DbContext leaves session state
    /// behind, and the reset was a third of a till payment's round trips. Kept when the operator sets it.
    /// </summary>
    private static string WithoutResetOnClose(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public ModuleNaming NamingFor(string moduleId) => new(moduleId, UsesPostgres);

    public void Configure(DbContextOptionsBuilder options, string moduleId, System.Reflection.Assembly migrationsAssembly)
    {
        var naming = NamingFor(moduleId);
        if (UsesPostgres)
        {
            options.UseNpgsql(_dataConnectionString, o => o.MigrationsHistoryTable(naming.MigrationsHistoryTable, naming.Schema).MigrationsAssembly(migrationsAssembly));
        }
        else
        {
            options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(naming.MigrationsHistoryTable).MigrationsAssembly(migrationsAssembly));
        }

        // Migrations are written by hand once for both providers, so there is no model snapshot to compare with.
        // The SQL of each command is for Debug: at Information it floods the log (thousands of lines at start, the pollers' every tick).
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning).Log((RelationalEventId.CommandExecuted, LogLevel.Debug)));
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new CrmContextOptionsExtension(naming));
        options.ReplaceService<IModelCustomizer, CrmModelCustomizer>();
        options.ReplaceService<IMigrationsAssembly, CrmMigrationsAssembly>();
    }
}
