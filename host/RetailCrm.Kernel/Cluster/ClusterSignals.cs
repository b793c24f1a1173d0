using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.Cluster;

/// <summary>
/// Tells every host instance that something cached has changed (a module toggle, a tenant).
/// The instance that makes the change is told at once; on PostgreSQL the others are told through
/// LISTEN/NOTIFY, so several stateless instances over one database see a change on their next
/// request. The embedded SQLite deployment runs one instance, where the local signal suffices.
/// </summary>
public sealed class ClusterSignals(DatabaseOptions database, IConfiguration configuration, ILogger<ClusterSignals> logger)
{
    public const string Channel = "retailcrm_signals";

    /// <summary>How long a cached answer may be trusted without a signal: a safety net for a lost connection.</summary>
    public TimeSpan CacheLifetime { get; } = TimeSpan.FromSeconds(configuration.GetValue("RetailCrm:CacheSeconds", 30));

    public event Action<string>? Received;

    /// <summary>Signals a change here at once and to the other instances after the change is committed.</summary>
    public async Task PublishAsync(string signal, CancellationToken cancellationToken)
    {
        Deliver(signal);
        if (!database.UsesPostgres)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @signal)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("signal", signal);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            // The change itself is committed; other instances fall back to the cache lifetime.
            logger.LogWarning(e, "Could not signal {Signal} to other instances", signal);
        }
    }

    internal void Deliver(string signal) => Received?.Invoke(signal);
}

/// <summary>Listens for the other instances' signals on PostgreSQL, reconnecting when the connection drops.</summary>
internal sealed class PostgresSignalListener(ClusterSignals signals, DatabaseOptions database, ILogger<PostgresSignalListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.UsesPostgres)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => signals.Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterSignals.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Lost the signal connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
