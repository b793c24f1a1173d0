using System.Globalization;
using DuckDB.NET.Data;
using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Analysis.Application.Engine;

/// <summary>
/// The embedded column engine (DuckDB, in memory) one recompute works in: the module's facts are loaded with DuckDB's
/// appender, the scores and aggregates computed in SQL, and the results read back to be written to the module's
/// relational tables. Lives for one recompute on the instance holding the tenant's lease.
/// </summary>
internal sealed class AnalyticalStore : IDisposable
{
    private readonly DuckDBConnection _connection;

    public AnalyticalStore(int threads = 0, string memoryLimit = "2GB")
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute($"SET memory_limit = '{memoryLimit}'");
        if (threads > 0)
        {
            Execute($"SET threads = {threads.ToString(CultureInfo.InvariantCulture)}");
        }

        Execute("""
            CREATE TABLE customers (id UUID, code VARCHAR, name VARCHAR, phone VARCHAR, email VARCHAR, tier VARCHAR, lifecycle VARCHAR,
                owner_id UUID, unit_id UUID, consent BOOLEAN);
            CREATE TABLE purchases (customer_id UUID, store VARCHAR, receipt VARCHAR, bought_at TIMESTAMP, amount BIGINT);
            CREATE TABLE tickets (customer_id UUID, complaint BOOLEAN, opened_at TIMESTAMP, csat INTEGER, csat_at TIMESTAMP);
            CREATE TABLE card_receipts (receipt VARCHAR, product VARCHAR);
            CREATE TABLE card_returns (customer_id UUID, returned_at TIMESTAMP);
            CREATE TABLE segment_map (r INTEGER, fm INTEGER, segment VARCHAR);
            """);
    }

    public DuckDBConnection Connection => _connection;

    public DuckDBAppender Appender(string table) => _connection.CreateAppender(table);

    public static void AppendCustomer(DuckDBAppender appender, CustomerRecord c) =>
        appender.CreateRow()
            .AppendValue(c.Id).AppendValue(c.Code).AppendValue(c.DisplayName).AppendValue(c.Phone).AppendValue(c.Email).AppendValue(c.Tier)
            .AppendValue(c.LifecycleClass.ToString()).AppendValue(c.OwnerUserId).AppendValue(c.UnitId).AppendValue(c.MarketingConsent)
            .EndRow();

    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    public DuckDBCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        return command;
    }

    public long Count(string table)
    {
        using var command = Command($"SELECT count(*) FROM {table}");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();
}
