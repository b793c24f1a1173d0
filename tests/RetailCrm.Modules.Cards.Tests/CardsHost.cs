namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The real host with the first-party modules (members, cards) and no plugins, on SQLite.</summary>
public sealed class CardsHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public void Dispose() => Factory.Dispose();
}

/// <summary>The real host with the first-party modules on a fresh PostgreSQL database.</summary>
public sealed class CardsPostgresHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Postgres, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public void Dispose() => Factory.Dispose();
}
