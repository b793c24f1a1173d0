namespace RetailCrm.Testing;

/// <summary>One host on SQLite with the sample modules, shared by a test class; tests isolate themselves by creating their own tenant.</summary>
public sealed class SqliteHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Sqlite);

    public void Dispose() => Factory.Dispose();
}

/// <summary>One host on a fresh PostgreSQL database with the sample modules, shared by a test class.</summary>
public sealed class PostgresHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Postgres);

    public void Dispose() => Factory.Dispose();
}

/// <summary>Unique tenant names so that tests sharing a host never see each other's state.</summary>
public static class Names
{
    public static string Tenant(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
