namespace RetailCrm.Modules.Members.Tests;

/// <summary>The real host with the first-party modules (members) and no plugins, on SQLite.</summary>
public sealed class MembersHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public void Dispose() => Factory.Dispose();
}

/// <summary>The real host with the first-party modules on a fresh PostgreSQL database.</summary>
public sealed class MembersPostgresHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Postgres, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public void Dispose() => Factory.Dispose();
}
